// Folio's pages read fine without this script; with it, code gets copy buttons and the header a
// search box (Pagefind's UI over the index in pagefind/, which needs the site served over HTTP).
document.addEventListener('DOMContentLoaded', () => {
  const body = document.body;
  for (const code of document.querySelectorAll('article pre > code')) {
    const block = code.parentElement;
    if (block.closest('.output')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.textContent = body.dataset.copy || 'Copy';
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(code.innerText);
      button.textContent = body.dataset.copied || 'Copied';
      setTimeout(() => { button.textContent = body.dataset.copy || 'Copy'; }, 1500);
    });
    block.classList.add('copyable');
    block.append(button);
  }

  const search = document.getElementById('search');
  if (!search) return;
  const styles = document.createElement('link');
  styles.rel = 'stylesheet';
  styles.href = 'pagefind/pagefind-ui.css';
  const ui = document.createElement('script');
  ui.src = 'pagefind/pagefind-ui.js';
  ui.addEventListener('load', () => {
    // Result links relative to this page's folder, so the site works below any path.
    new PagefindUI({ element: '#search', showSubResults: true, showImages: false,
                     baseUrl: new URL('.', document.baseURI).pathname });
    // Pagefind's box has only a placeholder; screen readers get the search region's name.
    const box = search.querySelector('input');
    if (box) box.setAttribute('aria-label', search.getAttribute('aria-label'));
  });
  document.head.append(styles, ui);
});
