"""Drives headless Chromium (through Debian's chromedriver) over a rendered Folio site served on
loopback, as a reader would, and prints what it saw as JSON for RenderBrowserTests to check.

Usage: drive.py SITE_FOLDER SCREENSHOT_FOLDER
"""
import functools
import http.server
import json
import pathlib
import sys
import threading
import time

import axe_selenium_python
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

site, screenshots = sys.argv[1], pathlib.Path(sys.argv[2])
class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=site))
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_port}/"

options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                 "--window-size=1280,900"]:
    options.add_argument(argument)
driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"))
wait = WebDriverWait(driver, 20)
axe_source = (pathlib.Path(axe_selenium_python.__file__).parent / "node_modules/axe-core/axe.min.js").read_text()
seen = {}

def serious_violations():
    """axe-core's serious and critical violations on the current page."""
    driver.execute_script(axe_source)
    result = driver.execute_async_script("const done = arguments[arguments.length - 1]; axe.run().then(done);")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["html"][:200] for n in v["nodes"]][:3]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]

def links_resolve(selector):
    """Each link under `selector` with the HTTP status of its target."""
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const links = [...document.querySelectorAll(arguments[0])].map(a => a.href);
        Promise.all(links.map(href => fetch(href).then(r => [href, r.status]))).then(done);
    """, selector)

# The page with GitHub-flavoured Markdown and math.
driver.get(base + "math.html")
driver.execute_async_script("const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done());")
seen["math"] = driver.execute_script("""
    const text = (selector) => [...document.querySelectorAll(selector)].map(e => e.textContent.trim());
    return {
        lang: document.documentElement.lang,
        wordBreak: getComputedStyle(document.querySelector('article p')).wordBreak,
        tableHeaders: text('article table th'),
        cellAlignments: [...document.querySelectorAll('article table tbody tr:first-child td')].map(td => getComputedStyle(td).textAlign),
        checkboxes: [...document.querySelectorAll('article li > input[type=checkbox]')].map(c => ({checked: c.checked, disabled: c.disabled})),
        struck: text('article del'),
        autolinks: [...document.querySelectorAll('article p a')].map(a => a.getAttribute('href')).filter(h => h.startsWith('http')),
        alerts: [...document.querySelectorAll('.markdown-alert')].map(a => [a.className, a.querySelector('.markdown-alert-title').textContent, !!a.querySelector('svg')]),
        inlineMath: [...document.querySelectorAll('.math-inline math annotation')].map(a => a.textContent),
        displayMath: [...document.querySelectorAll('.math-display math[display=block] annotation')].map(a => a.textContent),
        dollarsKept: document.querySelector('article').textContent.includes('$5 and $10'),
        katexFonts: [...document.fonts].filter(f => f.family.startsWith('KaTeX') && f.status === 'loaded').map(f => f.family),
        mathWidth: document.querySelector('.math-display .katex-html').getBoundingClientRect().width,
        resources: performance.getEntriesByType('resource').map(e => e.name),
        copyButtons: document.querySelectorAll('button.copy').length,
        sourceLinks: [...document.querySelectorAll('p.downloads a')].map(a => a.getAttribute('href')),
    };
""")
seen["math"]["downloads"] = links_resolve("p.downloads a")
driver.save_screenshot(str(screenshots / "math-tables.png"))
# The footnote link goes to the note, and the note's back link returns.
driver.find_element(By.CSS_SELECTOR, "sup.footnote-ref a").click()
seen["math"]["afterFootnote"] = driver.execute_script("return [location.hash, document.querySelector(location.hash).textContent.trim()]")
driver.find_element(By.CSS_SELECTOR, "a.footnote-backref").click()
seen["math"]["afterBackref"] = driver.execute_script("return [location.hash, !!document.querySelector(location.hash)]")
seen["math"]["axe"] = serious_violations()

# The seed page: navigation, copy buttons, accessibility.
driver.get(base + "embedding.html")
seen["seed"] = driver.execute_script("""
    return {
        lang: document.documentElement.lang,
        sidebar: [...document.querySelectorAll('nav.lessons a')].map(a => [a.getAttribute('href'), a.getAttribute('aria-current')]),
        pager: [...document.querySelectorAll('nav.pager a')].map(a => [a.rel, a.getAttribute('href')]),
        copyButtons: document.querySelectorAll('button.copy').length,
        cells: document.querySelectorAll('pre.code').length,
    };
""")
seen["seed"]["sidebarLinks"] = links_resolve("nav.lessons a")
seen["seed"]["pagerLinks"] = links_resolve("nav.pager a")
seen["seed"]["axe"] = serious_violations()
driver.save_screenshot(str(screenshots / "seed-navigation.png"))

# Search over HTTP: type a query, read the results.
seen["search"] = {}
for query in ["임베딩", "LSTM", "Keras"]:
    driver.get(base + "index.html")
    box = wait.until(expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, ".pagefind-ui__search-input")))
    # Pagefind's UI replaces its form once its own script has loaded; type into the final one.
    wait.until(lambda d: d.execute_script("return document.querySelectorAll('script[src$=\"pagefind-ui.js\"]').length > 0 && !!window.PagefindUI"))
    time.sleep(0.5)
    box = driver.find_element(By.CSS_SELECTOR, ".pagefind-ui__search-input")
    box.send_keys(query)
    wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".pagefind-ui__result")))
    wait.until(lambda d: d.execute_script("return !document.querySelector('.pagefind-ui__result .pagefind-ui__loading')"))
    seen["search"][query] = driver.execute_script("""
        return [...document.querySelectorAll('.pagefind-ui__result')].map(r => ({
            page: r.querySelector('.pagefind-ui__result-link').getAttribute('href'),
            sections: [...r.querySelectorAll('.pagefind-ui__result-nested .pagefind-ui__result-link')].map(a => a.getAttribute('href')),
        }));
    """)
    if query == "임베딩":
        driver.save_screenshot(str(screenshots / "search.png"))

driver.quit()
server.shutdown()
print(json.dumps(seen, ensure_ascii=False))
