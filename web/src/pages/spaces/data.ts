import { getSpaces } from '../../lib/discussion';

export const preloadSpaces = () => void getSpaces();
