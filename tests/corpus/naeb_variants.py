#!/usr/bin/python3
"""How the headline and byline choices hold up when a page lacks what the naeb-dev pages mostly
have. Each variant rewrites the TUNING pages (never the held-out third, see naeb_score.py) in one
way real sites differ, converts them, and scores them like naeb_score.py:

  h2         the story's <h1> written as <h2> (themes that keep h1 for something else)
  logo       a site header whose <h1> is the site's name, linked to the home page, added
  logo-h2    both: the logo is the page's one h1, the headline an h2
  no-jsonld  no JSON-LD (older sites): bylines from microdata and the visible byline
  no-og      no og:title or twitter:title
  no-meta    neither JSON-LD nor og/twitter titles: the h1 against <title> alone
  label      a kicker link ("Analysis", named so by its class) opening the first h1, its text
             run into the headline's with no blank
  search     the titles a search engine is given (og:title, <title>) shorter than the h1, the
             headline's first words, and no JSON-LD
  section-h2 a section's name the page's one h1 ("World News"), the headline an h2
  banner     the first h1 in a box whose class reads as furniture ("hero-banner promo")
  suffix     no JSON-LD, no og:site_name; og:title, twitter:title and <title> the headline and a
             site's name of four words after a dash ("Headline – Daily Example Gazette News")
  prefix     the same with the site's name first ("Daily Example Gazette News | Headline")
  suffix-h2  suffix, and the story's h1 an h2
  prefix-div prefix, and the story's h1 a <div class="article-headline">
  social     no JSON-LD; og:title, twitter:title and <title> a social title sharing only the
             headline's last three words ("Here's why everyone is talking about ...")
  social-cards  social, with multi-h1's logo, section, trending and related h1s
  h2-no-meta the story's h1 an h2, no JSON-LD, no og:title or twitter:title: the h2 against
             <title> alone
  h1-div     the story's h1 a <div class="article-headline"> (no h1 on the page)
  h1-p       the story's h1 a <p class="entry-title">
  multi-h1   a logo h1, a section's h1 and a trending story's h1 (a link to another story) at the
             top of the page, and a related story's h1 after the story
  header-out the story's first h1 moved out of its <article> into a <header> just before it
  trunc      JSON-LD headlines cut at 110 characters, og:title and twitter:title at 60 and "..."
  h1-br      the h1's words broken in two lines by a <br> (no blank beside it)
  h1-span    each word of the h1 in a <span> of its own, its blank inside the span

and how the body holds up when the story's markup is not what these pages mostly use:

  p-div      every <p> written as <div> (sites that build paragraphs from divs)
  no-class   no class or id attribute anywhere (utility-CSS sites whose classes name no part):
             furniture found by structure alone
  no-article <article> written as <div>
  no-html5   every HTML5 sectioning element (article, main, section, header, footer, nav, aside)
             written as <div> (older templates)
  p-wrap     every <p> in a <div> of its own (block editors' markup)
  br         paragraphs run together and parted by <br><br> instead of <p>
  div-soup   p-div, no-class and no-html5 at once

The variants are made at run time in a scratch directory; nothing of the pages is kept.

Each variant's row gives the body's precision, recall and F1 (4-token shingles, as naeb_score.py)
besides the headline and author agreement.

Usage: naeb_variants.py CABLEWIRE GOLD.json PAGES-DIR WORK-DIR [--min-headline H] [--min-authors A]
       [--min-f1 VARIANT=F ...] [--min-headline-for VARIANT=H ...] [--only VARIANT,VARIANT...]
(exit 1 when a variant's headline or author agreement is under the floor given - its own
headline floor where one is given -, or its body F1 under its own floor)
"""
import html
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import naeb_score  # noqa: E402

LD = re.compile(r'<script[^>]*application/ld\+json[^>]*>.*?</script>', re.I | re.S)
OG = re.compile(r'<meta[^>]*(?:og:title|twitter:title)[^>]*>', re.I)
H1 = re.compile(r'<(/?)h1\b(?! class="site-title")', re.I)
BODY = re.compile(r'<body[^>]*>', re.I)
P = re.compile(r'<(/?)p\b', re.I)
CLASS_ID = re.compile(r'\s(?:class|id)\s*=\s*(?:"[^"]*"|\'[^\']*\'|[^\s>]+)', re.I)
TAG = re.compile(r'<[A-Za-z](?:[^>"\']|"[^"]*"|\'[^\']*\')*>')  # a '>' inside a quoted value
ARTICLE = re.compile(r'<(/?)article\b', re.I)
HTML5 = re.compile(r'<(/?)(?:article|main|section|header|footer|nav|aside)\b', re.I)
P_OPEN = re.compile(r'<p\b[^>]*>', re.I)
P_CLOSE = re.compile(r'</p\s*>', re.I)
LOGO = '<div class="site-header"><h1 class="site-title"><a href="/">Daily Example Gazette</a></h1></div>'
SECTION = '<div class="section-header"><h1 class="section-title">World News</h1></div>'


def add_logo(s, box=LOGO):
    m = BODY.search(s)
    return s[:m.end()] + box + s[m.end():] if m else s


H1_OPEN = re.compile(r'<h1\b[^>]*>', re.I)
H1_WHOLE = re.compile(r'<h1\b[^>]*>.*?</h1>', re.I | re.S)
TITLE = re.compile(r'<title[^>]*>.*?</title>', re.I | re.S)
HEAD_END = re.compile(r'</head>', re.I)


def add_label(s):
    return H1_OPEN.sub(lambda m: m.group(0) + '<a class="kicker" href="/analysis/">Analysis</a>', s,
                       count=1)


def search_title(s, gold):
    """The gold headline's first three fifths of words (no dangling dash), as og:title and
    <title> "... - Site": the page's visible h1 must still win."""
    words = (gold.get("title") or "").split()
    words = words[:max(3, len(words) * 3 // 5)]
    while len(words) > 3 and not re.search(r"\w", words[-1]):
        words.pop()
    # as character references: the page's bytes are handled as latin-1 here
    t = html.escape(" ".join(words)).encode("ascii", "xmlcharrefreplace").decode()
    s = OG.sub('', LD.sub('', s))
    s = TITLE.sub(lambda m: '<title>%s - Daily Example Gazette</title>' % t, s, count=1)
    return HEAD_END.sub(lambda m: '<meta property="og:title" content="%s">\n</head>' % t, s,
                        count=1)


SITE4 = "Daily Example Gazette News"
OG_SITE = re.compile(r'<meta[^>]*og:site_name[^>]*>', re.I)
TRENDING = ('<div class="site-header"><h1 class="site-title"><a href="/">Daily Example Gazette</a></h1></div>'
            '<div class="section-header"><h1 class="section-title">World News</h1></div>'
            '<div class="top-bar"><h1><a href="/2023/12/01/harbour-ferry-timetable-changes">'
            'Harbour ferry timetable changes announced for the winter season</a></h1></div>')
RELATED = ('<div><h1><a href="/2023/12/02/museum-reopens-after-renovation">'
           'Museum reopens its doors to visitors after a two-year renovation</a></h1></div>')
BODY_END = re.compile(r'</body>', re.I)
ARTICLE_OPEN = re.compile(r'<article\b', re.I)


def escaped(t):
    # as character references: the page's bytes are handled as latin-1 here
    return html.escape(t).encode("ascii", "xmlcharrefreplace").decode()


def set_titles(s, t):
    """og:title, twitter:title and <title> all t; no JSON-LD, no og:site_name."""
    t = escaped(t)
    s = OG_SITE.sub('', OG.sub('', LD.sub('', s)))
    s = TITLE.sub(lambda m: '<title>%s</title>' % t, s, count=1)
    return HEAD_END.sub(lambda m: '<meta property="og:title" content="%s">\n'
                        '<meta name="twitter:title" content="%s">\n</head>' % (t, t), s, count=1)


def social_title(s, gold):
    words = (gold.get("title") or "").split()
    return set_titles(s, "Here's why everyone is talking about " + " ".join(words[-3:]))


def story_h1(s, gold):
    """The page's h1 sharing most words with the gold headline (a logo's h1 may come first)."""
    want = set(naeb_score.tokens((gold.get("title") or "").lower()))
    best, score = None, 0
    for m in H1_WHOLE.finditer(s):
        if '<h1' in m.group(0)[3:].lower() or len(m.group(0)) > 3000:
            continue  # (an h1 written in a script's string, its end the next h1's)
        text = html.unescape(re.sub(r'<[^>]*>', ' ', m.group(0)))
        text = text.encode("latin-1", "replace").decode("utf-8", "replace")
        k = len(want & set(naeb_score.tokens(text.lower())))
        if k > score:
            best, score = m, k
    return best


def h1_as(s, gold, tag, cls):
    """The story's h1 written as another element."""
    m = story_h1(s, gold)
    if not m:
        return s
    inner = re.sub(r'^<h1\b[^>]*>|</h1>$', '', m.group(0), flags=re.I)
    return s[:m.start()] + '<%s class="%s">%s</%s>' % (tag, cls, inner, tag) + s[m.end():]


def header_out(s, gold):
    m = story_h1(s, gold)
    a = ARTICLE_OPEN.search(s)
    if not m or not a or a.start() > m.start():
        return s
    s = s[:m.start()] + s[m.end():]
    return s[:a.start()] + '<header class="entry-header">%s</header>' % m.group(0) + s[a.start():]


LD_HEADLINE = re.compile(r'("headline"\s*:\s*")((?:[^"\\]|\\.)*)"')
OG_CONTENT = re.compile(r'(<meta[^>]*(?:og:title|twitter:title)[^>]*content=")([^"]*)"', re.I)


def cut(t, n):
    """t's first n bytes (the page's bytes as latin-1), not ending inside a UTF-8 sequence
    or a JSON escape."""
    if len(t) <= n:
        return t
    while n and 0x80 <= ord(t[n]) < 0xc0:
        n -= 1
    b = t.rfind('\\', max(0, n - 6), n)
    return t[:b if b >= 0 else n]


def truncate(s):
    s = LD_HEADLINE.sub(lambda m: m.group(1) + cut(m.group(2), 110) + '"', s)
    return OG_CONTENT.sub(lambda m: m.group(1) + (cut(m.group(2), 60) + '...' if len(m.group(2)) > 60
                                                  else m.group(2)) + '"', s)


def h1_words(s, gold, joint):
    """The story's h1's longest text part rewritten word by word by joint(list of words)."""
    m = story_h1(s, gold)
    if not m:
        return s
    parts = re.split(r'(<[^>]*>)', m.group(0))
    texts = [i for i, p in enumerate(parts) if p and not p.startswith('<') and p.strip()]
    if not texts:
        return s
    # (ASCII blanks only: a UTF-8 sequence read as latin-1 may hold a no-break space's byte)
    longest = max(texts, key=lambda i: len(BLANKS.split(parts[i].strip(' \t\r\n'))))
    t = parts[longest]
    core = t.strip(' \t\r\n')
    lead = t[:len(t) - len(t.lstrip(' \t\r\n'))]
    parts[longest] = lead + joint(BLANKS.split(core)) + t[len(lead) + len(core):]
    return s[:m.start()] + ''.join(parts) + s[m.end():]


BLANKS = re.compile(r'[ \t\r\n]+')


def br_split(w):
    k = len(w) // 2
    return ' '.join(w[:k]) + '<br>' + ' '.join(w[k:]) if k else ' '.join(w)


def no_class(s):
    return TAG.sub(lambda m: CLASS_ID.sub('', m.group(0)), s)


def p_div(s):
    return P.sub(r'<\1div', s)


def no_html5(s):
    return HTML5.sub(r'<\1div', s)


VARIANTS = {
    "h2": lambda s, g: H1.sub(r'<\1h2', s),
    "logo": lambda s, g: add_logo(s),
    "logo-h2": lambda s, g: H1.sub(r'<\1h2', add_logo(s)),
    "no-jsonld": lambda s, g: LD.sub('', s),
    "no-og": lambda s, g: OG.sub('', s),
    "no-meta": lambda s, g: OG.sub('', LD.sub('', s)),
    "label": lambda s, g: add_label(s),
    "search": search_title,
    "section-h2": lambda s, g: add_logo(H1.sub(r'<\1h2', s), SECTION),
    "banner": lambda s, g: H1_WHOLE.sub(lambda m: '<div class="hero-banner promo">%s</div>' % m.group(0),
                                        s, count=1),
    "suffix": lambda s, g: set_titles(s, (g.get("title") or "") + " \u2013 " + SITE4),
    "prefix": lambda s, g: set_titles(s, SITE4 + " | " + (g.get("title") or "")),
    "suffix-h2": lambda s, g: set_titles(H1.sub(r'<\1h2', s), (g.get("title") or "") + " \u2013 " + SITE4),
    "prefix-div": lambda s, g: set_titles(h1_as(s, g, "div", "article-headline"), SITE4 + " | " + (g.get("title") or "")),
    "social": social_title,
    "social-cards": lambda s, g: BODY_END.sub(lambda m: RELATED + m.group(0),
                                              add_logo(social_title(s, g), TRENDING), count=1),
    "h2-no-meta": lambda s, g: OG.sub('', LD.sub('', H1.sub(r'<\1h2', s))),
    "h1-div": lambda s, g: h1_as(s, g, "div", "article-headline"),
    "h1-p": lambda s, g: h1_as(s, g, "p", "entry-title"),
    "multi-h1": lambda s, g: BODY_END.sub(lambda m: RELATED + m.group(0), add_logo(s, TRENDING), count=1),
    "header-out": lambda s, g: header_out(s, g),
    "trunc": lambda s, g: truncate(s),
    "h1-br": lambda s, g: h1_words(s, g, br_split),
    "h1-span": lambda s, g: h1_words(s, g, lambda w: ''.join('<span>%s </span>' % x for x in w)),
    "p-div": lambda s, g: p_div(s),
    "no-class": lambda s, g: no_class(s),
    "p-wrap": lambda s, g: P_CLOSE.sub('</p></div>', P_OPEN.sub(lambda m: '<div>' + m.group(0), s)),
    "no-article": lambda s, g: ARTICLE.sub(r'<\1div', s),
    "no-html5": lambda s, g: no_html5(s),
    "br": lambda s, g: P_CLOSE.sub('<br><br>', P_OPEN.sub('', s)),
    "div-soup": lambda s, g: no_html5(no_class(p_div(s))),
}


def score(gold, jsonl):
    recs = {}
    for line in open(jsonl, encoding="utf-8"):
        r = json.loads(line)
        name = os.path.basename(r.get("source", {}).get("path") or "")
        if name.endswith(".html"):
            recs[name[:-5]] = r
    head = auth = n = 0
    prec = rec = 0.0
    for g in gold:
        r = recs.get(g.get("html_file"))
        if r is None:
            continue
        n += 1
        p, rc = naeb_score.page_scores(naeb_score.record_body(r), g.get("text"))
        prec += p
        rec += rc
        head += naeb_score.norm(r.get("headline")) == naeb_score.norm(g.get("title")) != ""
        auth += naeb_score.record_authors(r) == naeb_score.gold_authors(g)
    return n, head, auth, prec / max(n, 1), rec / max(n, 1)


def main(argv):
    if len(argv) < 5:
        print(__doc__)
        return 2
    cw, gold_path, pages, work = argv[1:5]
    floor_h = float(argv[argv.index("--min-headline") + 1]) if "--min-headline" in argv else 0
    floor_a = float(argv[argv.index("--min-authors") + 1]) if "--min-authors" in argv else 0
    floor_f1, floor_hv = {}, {}
    for i, a in enumerate(argv):
        if a in ("--min-f1", "--min-headline-for") and i + 1 < len(argv):
            v, f = argv[i + 1].split("=")
            (floor_f1 if a == "--min-f1" else floor_hv)[v] = float(f)
    gold = json.load(open(gold_path, encoding="utf-8"))
    names = [f for f in sorted(os.listdir(pages))
             if f.endswith(".html") and not naeb_score.held_out(f[:-5])]
    print("%-12s %5s %9s %8s %9s %7s %7s" % ("variant", "pages", "headline", "authors",
                                              "precision", "recall", "F1"))
    failed = 0
    by_file = {g.get("html_file"): g for g in gold}
    only = argv[argv.index("--only") + 1].split(",") if "--only" in argv else None
    for v, rewrite in [("as saved", lambda s, g: s)] + list(VARIANTS.items()):
        if only is not None and v.replace(" ", "-") not in only:
            continue
        d = os.path.join(work, "variant-" + v.replace(" ", "-"))
        os.makedirs(d, exist_ok=True)
        for f in names:
            # latin-1 both ways: every byte kept as it is, whatever the page's encoding
            s = open(os.path.join(pages, f), encoding="latin-1").read()
            open(os.path.join(d, f), "w", encoding="latin-1").write(rewrite(s, by_file.get(f[:-5], {})))
        out = d + ".jsonl"
        subprocess.run([cw, "convert", d, "-o", out], stderr=subprocess.DEVNULL, check=False)
        n, head, auth, p, r = score(gold, out)
        if not n:
            print("%-12s no record matched" % v)
            failed = 1
            continue
        f = naeb_score.f1(p, r)
        print("%-12s %5d %8.1f%% %7.1f%% %9.3f %7.3f %7.3f" % (v, n, 100 * head / n, 100 * auth / n, p, r, f))
        fh = floor_hv.get(v.replace(" ", "-"), floor_h)
        if head / n < fh or auth / n < floor_a:
            print("naeb_variants: %s under the floor (headline %.2f, authors %.2f)" % (v, fh, floor_a))
            failed = 1
        if f < floor_f1.get(v, 0):
            print("naeb_variants: %s body F1 %.3f under its floor %.3f" % (v, f, floor_f1[v]))
            failed = 1
    for v in (only or []) + list(floor_f1) + list(floor_hv):
        if v not in VARIANTS and v != "as-saved":
            print("naeb_variants: --min-f1 names no variant: %s" % v)
            failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv))
