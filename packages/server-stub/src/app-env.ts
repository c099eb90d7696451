/** Hono environment of the app: values middleware hands to handlers. */
export interface AppEnv {
  Variables: {
    /** Id of this request, also sent as `X-Request-Id`. */
    requestId: string;
    /** Name of the admin token that authenticated the request (admin routes only). */
    adminName: string;
    /** Why staff make this admin request (`?reason=`), for its access-log entry. */
    accessReason?: string;
  };
}
