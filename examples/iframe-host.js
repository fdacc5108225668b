// Example host code for the iframe form: names this page's origin as `parent-origin`, sizes the
// frame to its content, and shows the result. Only messages from the frame's own window and the
// widget's origin are read.
const frame = document.getElementById('aims-frame');
const src = new URL(frame.dataset.src, location.href);
src.searchParams.set('parent-origin', location.origin);
const widgetOrigin = src.origin;
frame.src = src.href;

const out = document.getElementById('frame-result');
window.addEventListener('message', (e) => {
  if (e.source !== frame.contentWindow || e.origin !== widgetOrigin || e.data?.source !== 'aims-readiness') return;
  const { type, detail } = e.data;
  if (type === 'aims:resize' && detail.height > 0) {
    frame.style.height = `${detail.height + 2}px`; // CSSOM: allowed under style-src 'self'
  } else if (type === 'aims:completed') {
    out.textContent = !detail.complete
      ? `${detail.questions_answered} of ${detail.questions} questions answered: a band needs every answer.`
      : `${detail.band_label}, readiness ${Math.round(detail.score)}%. Top gaps: ${detail.top_gaps.map((g) => `${g.item} ${g.title}`).join('; ') || 'none'}.`;
  }
});
