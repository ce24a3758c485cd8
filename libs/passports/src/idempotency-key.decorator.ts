import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { IncomingMessage } from 'node:http';

/** The Idempotency-Key header of the request as sent (null when absent); the service validates it. */
export const IdempotencyKeyHeader = createParamDecorator((_data: unknown, context: ExecutionContext): string | null => {
  const request =
    context.getType<string>() === 'graphql'
      ? GqlExecutionContext.create(context).getContext<{ req?: IncomingMessage }>().req
      : context.switchToHttp().getRequest<IncomingMessage>();
  const value = request?.headers['idempotency-key'];
  return typeof value === 'string' ? value : null;
});
