// Example host code: shows each widget's result from its `aims:completed` event. The widget
// itself sends nothing anywhere; a host that wants the result elsewhere sends it itself.
for (const out of document.querySelectorAll('output[data-for]')) {
  const widget = document.getElementById(out.dataset.for);
  widget?.addEventListener('aims:completed', (e) => {
    const { complete, questions_answered, questions, band_label, score, top_gaps } = e.detail;
    out.textContent = !complete
      ? `${questions_answered} of ${questions} questions answered: a band needs every answer.`
      : `${band_label}, readiness ${Math.round(score)}%. Top gaps: ${top_gaps.map((g) => `${g.item} ${g.title}`).join('; ') || 'none'}.`;
  });
}
