/** Sending an answer that is already serialised (cached, or assembled from cached parts) as it is. */
import type { FastifyReply } from 'fastify';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * The route's response schema still documents the answer (OpenAPI); a Buffer is sent without being
 * serialised again. Typed routes only accept the schema's type in `send`, hence the plain reply type.
 */
export function sendSerialisedJson(reply: FastifyReply, body: Buffer): FastifyReply {
  return reply.type(JSON_CONTENT_TYPE).send(body);
}
