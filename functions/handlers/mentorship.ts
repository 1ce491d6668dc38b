import { handle } from 'hono/aws-lambda';
import { mentorshipApi } from '../mentorship/api';

export const handler = handle(mentorshipApi);
