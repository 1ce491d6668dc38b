import { lambdaHandler } from '../lib/lambda';
import { mentorshipApi } from '../mentorship/api';

export const handler = lambdaHandler(mentorshipApi);
