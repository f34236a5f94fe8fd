"""The notebook CSS keeps every rule a page can use and drops the rest (about 600 KB down to about 20 KB)."""

from __future__ import annotations

from autograd_docs.build import css

SHEET = """@charset "UTF-8";
:root{--used: red;--unused: blue;--chain: var(--used)}
.a .b{color:var(--chain)}
.a .gone{color:var(--unused)}
.a :is(.b:hover, .gone:hover){display:flex}
.a .b:not(.jp-mod-active){opacity:.5}
.a [data-mime-type="application/vnd.jupyter.stderr"]{background:pink}
.a .b, .gone{margin:0}
p{line-height:1.6}
@media print{.gone{display:none}.b{display:block}}
@keyframes spin{from{transform:rotate(0)}to{transform:rotate(1turn)}}
.icon{background:url("data:image/svg+xml;utf8,<svg>{}</svg>")}
"""


def test_rules_a_page_can_use_are_kept_and_the_rest_dropped():
    used = css.classes_in('<div class="a"><span class="b c">x</span></div>')
    assert used == {"a", "b", "c"}
    out = css.prune_variables(css.prune(SHEET, used))
    for kept in ('.a .b{color:var(--chain)}', '.a :is(.b:hover, .gone:hover){display:flex}',
                 '.a .b:not(.jp-mod-active){opacity:.5}', '.a [data-mime-type="application/vnd.jupyter.stderr"]{background:pink}',
                 '.a .b{margin:0}', 'p{line-height:1.6}', '@media print{.b{display:block}}', '@keyframes spin',
                 "--used: red", "--chain: var(--used)"):
        assert kept in out, kept
    for dropped in (".a .gone{", ".gone{display:none}", "--unused", ".icon", ", .gone{margin"):
        assert dropped not in out, dropped
