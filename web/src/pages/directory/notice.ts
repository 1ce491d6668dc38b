/**
 * "The member has been blocked", shown once on the directory after a block. Kept in memory, not
 * in the address or history state, so that the block leaves no trace in the browser history.
 */
let pending = false;

export const announceBlocked = () => {
  pending = true;
};

export function consumeDirectoryNotice(): boolean {
  const was = pending;
  pending = false;
  return was;
}
