import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a ticket lets the admin page be re-rendered without the token, in milliseconds. */
export const VIEW_TICKET_TTL_MS = 30 * 60_000;

/**
 * Short-lived, signed permission to view the funnel pages, carried in a hidden form field so the
 * admin token is typed once and never echoed into a page, a URL or a cookie. The signing key
 * lives in memory only: a restart, or 30 minutes, ends every ticket.
 *
 * @example
 * const tickets = new ViewTickets();
 * const ticket = tickets.issue('staff', clock.now());
 * tickets.verify(ticket, clock.now()); // 'staff'
 */
export class ViewTickets {
  readonly #key = randomBytes(32);

  #sign(payload: string): string {
    return createHmac('sha256', this.#key).update(payload).digest('base64url');
  }

  /** A ticket for the admin token named `name`, valid until `now` plus the TTL. */
  issue(name: string, now: number): string {
    const payload = `${now + VIEW_TICKET_TTL_MS}.${Buffer.from(name).toString('base64url')}`;
    return `${payload}.${this.#sign(payload)}`;
  }

  /** The token name a ticket was issued for, or undefined if it is forged, altered or expired. */
  verify(ticket: string, now: number): string | undefined {
    const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,100})\.([A-Za-z0-9_-]{43})$/.exec(ticket);
    if (!match) return undefined;
    const [, expires = '', name = '', signature = ''] = match;
    const expected = Buffer.from(this.#sign(`${expires}.${name}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    if (Number(expires) <= now) return undefined;
    return Buffer.from(name, 'base64url').toString();
  }
}
