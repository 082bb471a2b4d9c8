import { authenticateRequest, type ApiActor } from "@/lib/auth/authenticate-request.ts";
import { isCrossSiteBrowserRequest, isUnsafeMethod } from "@/lib/auth/cross-site-request.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { errorResponse } from "./error-response.ts";
import { handleApiError } from "./handle-error.ts";

export type RouteParams = Record<string, string | string[] | undefined>;

export type ApiContext<P extends RouteParams> = { request: Request; actor: ApiActor; params: P };

export type ApiHandler<P extends RouteParams> = (context: ApiContext<P>) => Promise<Response>;

/** Next's route handler signature: in Next 16 the params arrive as a promise. */
export type RouteHandler<P extends RouteParams> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export type WithApiOptions = {
  /** Roles allowed to call the route; any signed-in user when absent. */
  roles?: readonly Role[];
};

/**
 * Wraps an /api/v1 handler: authenticate (session cookie or API token), check the role, resolve
 * the params, and map whatever the handler throws to the API's error body. Handlers stay one
 * line of wiring: parse, call lib/, return JSON.
 */
export function withApi<P extends RouteParams = Record<string, never>>(handler: ApiHandler<P>, options: WithApiOptions = {}): RouteHandler<P> {
  return async (request, context) => {
    try {
      // Session cookies are SameSite=None for the control-panel iframe: refuse writes other sites forge with them.
      if (!request.headers.get("authorization") && isUnsafeMethod(request.method) && isCrossSiteBrowserRequest(request.headers)) {
        return errorResponse(403, "FORBIDDEN", "Cross-site request refused");
      }
      const actor = await authenticateRequest(request);
      if (!actor) return errorResponse(401, "UNAUTHORIZED", "Sign in or send an API token");
      if (options.roles && !options.roles.includes(actor.role)) {
        return errorResponse(403, "FORBIDDEN", "Your role does not allow this");
      }
      const params = await context.params;
      return await handler({ request, actor, params });
    } catch (error) {
      return handleApiError(error);
    }
  };
}
