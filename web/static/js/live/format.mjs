/** Numbers and times in plain words, the same on every screen. */

/** 65 000 ms → "1:05"; 3 725 000 ms → "1:02:05". Negative values count as zero. */
export function clock(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** 65 000 ms → "1 min 5 s"; 45 000 → "45 s"; 0 → "0 s". */
export function duration(ms) {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) {
    return `${seconds} s`;
  }
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** 0.3456 → "35%". */
export function percent(fraction) {
  return `${Math.round((fraction || 0) * 100)}%`;
}

/** A ratio to two decimals, as the report shows it: 1 → "1.00", 0.845 → "0.85". */
export function ratio(value) {
  return (value || 0).toFixed(2);
}

/** 1 → "1st", 2 → "2nd", 11 → "11th". */
export function ordinal(n) {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) {
    return `${n}th`;
  }
  return n + ({1: 'st', 2: 'nd', 3: 'rd'}[n % 10] || 'th');
}

/** plural(1, 'turn', 'turns') → "1 turn". */
export function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** How each floor mode works, in a sentence a participant can act on. */
export const MODE_TEXT = {
  open: 'The facilitator invites people to speak.',
  queue: 'Raise your hand to speak. Hands are taken in the order they went up.',
  progressive: 'Raise your hand to speak. People who have spoken least so far go first.',
  round: 'A go-around: everyone gets a turn in order, and anyone may pass.',
};

/** How a place in a go-around went, in words. */
export const ROUND_STATUS = {
  waiting: 'waiting',
  speaking: 'speaking now',
  spoke: 'spoke',
  passed: 'passed',
  skipped: 'skipped (away)',
  left: 'left',
};

/** The session's state in a few words. */
export function statusText(session) {
  if (!session) {
    return '';
  }
  if (session.status === 'ended') {
    return 'This session has ended. Thank you for taking part.';
  }
  if (session.status === 'lobby') {
    return 'You are in the lobby. The facilitator will start soon.';
  }
  return session.paused ? 'Paused for a moment. The facilitator will carry on soon.' : 'Live';
}
