import { marked } from 'marked';
import DOMPurify from 'dompurify';

/** Text to show instead of an image that would be fetched from a URL. */
export type RemoteImageLabel = (src: string) => string;

/**
 * Renders Markdown to a sanitised DOM fragment. Raw HTML in the source is cleaned by DOMPurify
 * (no scripts, no event handlers, no `javascript:` links). Images load only from `data:` URLs:
 * any other source would be a network request, which CX Trace never makes on the user's behalf,
 * so it is replaced by a note. Links open in a new tab without an opener.
 */
export function renderMarkdown(
  source: string,
  remoteImageLabel: RemoteImageLabel,
): DocumentFragment {
  const html = marked.parse(source, { async: false, gfm: true });
  const fragment = DOMPurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    // HTML only: SVG and MathML could load from other sites (e.g. `<svg><image href>`).
    USE_PROFILES: { html: true },
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'iframe',
      'video',
      'audio',
      'source',
      'picture',
    ],
    FORBID_ATTR: ['style', 'srcset', 'background', 'poster'],
  });
  for (const img of Array.from(fragment.querySelectorAll('img'))) {
    const src = img.getAttribute('src') ?? '';
    if (!/^data:image\//i.test(src)) {
      const note = document.createElement('span');
      note.className = 'remote-image';
      note.textContent = remoteImageLabel(src);
      img.replaceWith(note);
    }
  }
  for (const a of Array.from(fragment.querySelectorAll('a[href]'))) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  }
  return fragment;
}
