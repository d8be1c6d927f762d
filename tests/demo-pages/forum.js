// "Show more": reveals the hidden rest of a post, like most forum software does.
document.addEventListener('click', (e) => {
  const btn = e.target.closest('.show-more');
  if (!btn) return;
  document.getElementById(btn.dataset.target).hidden = false;
  btn.remove();
});
