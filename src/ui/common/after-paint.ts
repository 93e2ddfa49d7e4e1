/**
 * Runs `fn` in a task of its own after the browser has laid out and painted what is on screen
 * now (a frame, then a task), so that drawing in steps gives each step its own frame: tasks
 * queued one after another would otherwise run before the next frame, which then lays out
 * everything they drew in one long task. A hidden page has no frames: there `fn` runs in the
 * next task. Returns a function that cancels it.
 */
export function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const next = () => (timer = setTimeout(fn, 0));
  let frame = 0;
  if (document.hidden) next();
  else frame = requestAnimationFrame(next);
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
