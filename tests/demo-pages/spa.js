// A minimal client-side router: links swap the content of #app and push a history entry.
const routes = {
  stack: `<article class="post"><h1>My IGF-1 LR3 stack</h1>
    <p>Run 40 mcg of IGF-1 LR3 ED post-workout and pair it with your usual protein intake.</p></article>`,
  recipes: `<article class="post"><h1>Overnight oats, three ways</h1>
    <p>Mix 50 g of oats with 150 ml of milk, a spoon of honey and a pinch of salt, then leave it overnight.</p></article>`,
};
function show(route) {
  document.getElementById('app').innerHTML = routes[route] ?? routes.stack;
  document.title = route === 'recipes' ? 'Recipes – PeptideTalk' : 'IGF-1 LR3 stack – PeptideTalk';
}
document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-route]');
  if (!a) return;
  e.preventDefault();
  history.pushState({}, '', a.getAttribute('href'));
  show(a.dataset.route);
});
addEventListener('popstate', () => show(new URLSearchParams(location.search).get('route')));
show(new URLSearchParams(location.search).get('route') ?? 'stack');
