/** Who may use a command or action. Checked by the router before a handler runs. */
export type Audience = 'everyone' | 'member' | 'coordinator' | 'admin' | 'coordinatorOrBoard' | 'board' | 'policeOrCoordinator';

/** What the server knows about a person's standing, resolved per request. */
export interface Standing {
  /** From SLT_ADMINS or granted. Administrators manage roles and may act as coordinators. */
  readonly admin: boolean;
  /** Granted by an administrator. */
  readonly coordinator: boolean;
  /** Member of the board's channel (read from the Teams roster). */
  readonly boardMember: boolean;
  /** Granted by an administrator: enters the police's statistics (and nothing else a coordinator does). */
  readonly police?: boolean;
}

export const NOBODY: Standing = { admin: false, coordinator: false, boardMember: false };

/**
 * The one rule table for who may do what. 'member' commands are reachable by anyone Teams
 * lets talk to the bot in that conversation (Teams only delivers channel messages from the
 * channel's members); handlers that read another body's data check membership themselves.
 */
export function allows(audience: Audience, s: Standing): boolean {
  switch (audience) {
    case 'everyone':
    case 'member':
      return true;
    case 'coordinator':
      return s.coordinator || s.admin;
    case 'admin':
      return s.admin;
    case 'board':
      return s.boardMember;
    case 'coordinatorOrBoard':
      return s.coordinator || s.admin || s.boardMember;
    case 'policeOrCoordinator':
      return !!s.police || s.coordinator || s.admin;
  }
}

/** Whether `allows` looks at the standing at all for this audience (if not, nobody needs to look it up). */
export function needsStanding(audience: Audience): boolean {
  return audience !== 'everyone' && audience !== 'member';
}
