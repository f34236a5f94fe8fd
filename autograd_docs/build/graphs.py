"""Pictures of the real autograd graph: run a snippet, walk its tensors' grad_fn chains, write DOT, lay it out as SVG.

Pages ask for a picture with an `<!-- autograd-graph: ... -->` marker (syntax in README.md, "Writing pages";
parsed by autograd_docs.pages); build.hooks puts the figures into the built pages.
"""

from __future__ import annotations

import hashlib
import html
import os
import pickle
import re
import shlex
import subprocess
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from autograd_docs.build.site import write_atomic
from autograd_docs.harness import run as harness
from autograd_docs.pages import SNIPPETS, Marker, PageError, display

MAX_NODES = 200  # a bigger drawing is unreadable on a page; better to fail than to ship it
DIRECTIONS = {"down": "TB", "right": "LR"}


class GraphError(Exception):
    """A picture cannot be drawn; raised with a message that the caller prefixes with `page:line:`."""


# --- the walker ----------------------------------------------------------------------------------


@dataclass
class Node:
    id: str  # n0, n1, ... in visiting order, so that two builds write the same DOT
    kind: str  # "tensor", "backward" (any grad_fn but AccumulateGrad), "accumulate" or "none"
    label: str  # the backward node's class name as PyTorch prints it, or the tensor's names joined by " = "
    is_leaf: bool | None = None  # tensors only
    requires_grad: bool | None = None  # tensors only


@dataclass
class Edge:
    src: str
    dst: str
    kind: str  # "next" (an entry of next_functions), "grad_fn" (tensor -> its grad_fn), "variable" (AccumulateGrad -> leaf)
    slot: int | None = None  # position in next_functions, for "next" edges of nodes with several slots
    input_nr: int | None = None  # the number in the (node, number) pair: which output of dst the input was ("next" only)


@dataclass
class Graph:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def node(self, node_id: str) -> Node:
        return next(n for n in self.nodes if n.id == node_id)

    def labels(self, kind: str | None = None) -> list[str]:
        return [n.label for n in self.nodes if kind is None or n.kind == kind]

    def targets(self, node_id: str, kind: str = "next") -> list[Node]:
        """The nodes an edge of this kind leads to from node_id, in next_functions order."""
        return [self.node(e.dst) for e in self.edges if e.src == node_id and e.kind == kind]

    @property
    def kinds(self) -> set[str]:
        return {n.kind for n in self.nodes} | {"edge-" + e.kind for e in self.edges} | (
            {"edge-number"} if self.numbered() else set()
        )

    def numbered(self) -> list[Edge]:
        """The next edges whose pair number the picture shows: all edges into a node that one node reaches by
        several edges (x * x) or that an edge reaches with a number other than 0 (an output of split)."""
        into: dict[str, list[Edge]] = {}
        for e in self.edges:
            if e.kind == "next" and self.node(e.dst).kind != "none":
                into.setdefault(e.dst, []).append(e)
        return [
            e
            for es in into.values()
            if any(e.input_nr for e in es) or len({e.src for e in es}) < len(es)
            for e in es
        ]


UNNAMED = "tensor"  # label of a leaf reached through AccumulateGrad that the marker did not name


def walk(named: Sequence[tuple[str, Any]]) -> Graph:
    """The autograd graph behind the named tensors, as PyTorch holds it right now.

    Starts at each tensor in the given order and follows grad_fn, next_functions and
    AccumulateGrad.variable depth first; a None slot in next_functions becomes its own "None" node.
    Tensors and nodes are matched by identity, so a tensor used twice is drawn once with two edges.
    """
    graph = Graph()
    names: dict[int, list[str]] = {}
    tensors: dict[int, Any] = {}
    for name, t in named:
        names.setdefault(id(t), []).append(name)
        tensors[id(t)] = t
    seen: dict[int, str] = {}
    alive: list[Any] = []  # keeps every visited object referenced, so that no id() is reused during the walk

    def add(kind: str, label: str, **flags) -> str:
        if len(graph.nodes) >= MAX_NODES:
            raise GraphError(f"the graph has more than {MAX_NODES} nodes: too big to draw, pick a smaller example")
        node = Node(f"n{len(graph.nodes)}", kind, label, **flags)
        graph.nodes.append(node)
        return node.id

    def tensor(t) -> str:
        if id(t) not in seen:
            alive.append(t)
            label = " = ".join(names.get(id(t), [UNNAMED]))
            seen[id(t)] = add("tensor", label, is_leaf=t.is_leaf, requires_grad=t.requires_grad)
        return seen[id(t)]

    def backward(fn) -> str:
        if id(fn) in seen:
            return seen[id(fn)]
        alive.append(fn)
        kind = "accumulate" if type(fn).__name__ == "AccumulateGrad" else "backward"
        node_id = seen[id(fn)] = add(kind, type(fn).__name__)
        if kind == "accumulate":
            graph.edges.append(Edge(node_id, tensor(fn.variable), "variable"))
        slots = fn.next_functions
        for slot, (nxt, input_nr) in enumerate(slots):
            dst = add("none", "None") if nxt is None else backward(nxt)
            graph.edges.append(Edge(node_id, dst, "next", slot if len(slots) > 1 else None, input_nr))
        return node_id

    for _, t in named:
        if id(t) in seen:
            continue
        node_id = tensor(t)
        if t.grad_fn is not None:
            graph.edges.append(Edge(node_id, backward(t.grad_fn), "grad_fn"))
    return graph


# --- DOT and SVG -----------------------------------------------------------------------------------

FONT = "Helvetica"  # graphviz-pure has metrics for it (monospace text overflows its boxes)

# Light-theme colours live in the DOT so that the SVG looks right even without the site's CSS;
# docs/assets/graphs.css restyles the same classes for the dark theme.
NODE_STYLE = {
    "backward": 'shape=box style="rounded,filled" fillcolor="#fff3e0" color="#e65100"',
    "accumulate": 'shape=box style="rounded,filled" fillcolor="#e3f2fd" color="#1565c0"',
    "none": 'shape=plaintext fontcolor="#616161" fontsize=11',
}
EDGE_STYLE = {
    "next": 'color="#424242"',
    "grad_fn": 'style=dashed color="#2e7d32" fontcolor="#2e7d32" label="grad_fn"',
    "variable": 'style=dashed color="#2e7d32" fontcolor="#2e7d32" label="variable"',
}


def _tensor_classes(n: Node) -> str:
    return "tensor " + ("leaf" if n.is_leaf else "nonleaf") + ("" if n.requires_grad else " nograd")


def _tensor_style(n: Node) -> str:
    fill = "#e8f5e9" if n.is_leaf and n.requires_grad else "#ffffff"
    color = "#2e7d32" if n.requires_grad else "#757575"
    dashed = "" if n.requires_grad else ",dashed"
    name = html.escape(n.label)
    label = (
        f'<<B>{name}</B><BR/><FONT POINT-SIZE="10">is_leaf={n.is_leaf}</FONT>'
        f'<BR/><FONT POINT-SIZE="10">requires_grad={n.requires_grad}</FONT>>'
    )
    return f'shape=ellipse style="filled{dashed}" fillcolor="{fill}" color="{color}" margin="0.05,0.02" label={label}'


def to_dot(graph: Graph, direction: str = "down") -> str:
    """DOT text for the graph: ASCII only, one line per node and edge, in the walker's order."""
    lines = [
        "digraph autograd {",
        f'  graph [rankdir={DIRECTIONS[direction]} bgcolor="transparent" nodesep=0.35 ranksep=0.45 pad=0.1];',
        f'  node [fontname="{FONT}" fontsize=13 penwidth=1.2 height=0.4];',
        f'  edge [fontname="{FONT}" fontsize=10 arrowsize=0.7 penwidth=1.1];',
    ]
    for n in graph.nodes:
        if not n.label.isascii():
            raise GraphError(f"label {n.label!r} is not ASCII: keep names in the drawing ASCII, put other text in the caption")
        if n.kind == "tensor":
            attrs = _tensor_style(n)
            cls = _tensor_classes(n)
        else:
            attrs = f'{NODE_STYLE[n.kind]} label="{n.label}"'
            cls = n.kind
        lines.append(f'  {n.id} [class="{cls}" {attrs}];')
    numbered = {id(e) for e in graph.numbered()}
    for e in graph.edges:
        cls, attrs = e.kind, EDGE_STYLE[e.kind]
        if e.kind == "next" and graph.node(e.dst).kind == "none":
            cls, attrs = "next nograd", 'style=dashed color="#757575"'
        text = [] if e.slot is None else [f"[{e.slot}]"]
        if id(e) in numbered:
            text.append(f"slot {e.input_nr}")
        if text:  # padded with spaces: the labels of two parallel edges (x * x) otherwise touch
            attrs += f' label=" {" -> ".join(text)} " fontcolor="#616161"'
        lines.append(f'  {e.src} -> {e.dst} [class="{cls}" {attrs}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def layout_command() -> list[str]:
    """$AUTOGRAD_DOCS_DOT if set (the tests use it), else the pinned graphviz-pure of this environment.
    No fallback to a system `dot`: another layout program draws other pictures."""
    if os.environ.get("AUTOGRAD_DOCS_DOT"):
        return shlex.split(os.environ["AUTOGRAD_DOCS_DOT"]) + ["-Tsvg"]
    bundled = Path(sysconfig.get_path("scripts")) / "graphviz-pure"
    if not bundled.exists():
        raise GraphError(f"{bundled} is missing: install the pinned graphviz-pure (`make install`)")
    return [str(bundled), "-Tsvg"]


SVG_START = re.compile(r"<svg\b")
COMMENT = re.compile(r"<!--.*?-->\n?", re.S)
TITLE = re.compile(r"<title>.*?</title>\n?", re.S)
ID_ATTR = re.compile(r' id="[^"]*"')


def layout(dot: str) -> str:
    """SVG for the DOT text, cleaned for inlining: no prolog, comments, ids or <title>s (the figure adds its own)."""
    cmd = layout_command()
    try:
        proc = subprocess.run(cmd, input=dot, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise GraphError(f"graph layout failed ({cmd[0]}): {err}") from None
    if proc.returncode != 0 or proc.stderr.strip():
        raise GraphError(f"graph layout failed ({cmd[0]}, exit {proc.returncode}): {proc.stderr.strip() or 'no message'}")
    svg = proc.stdout
    start = SVG_START.search(svg)
    if start is None:
        raise GraphError(f"graph layout failed ({cmd[0]}): no <svg> in its output")
    svg = svg[start.start():]
    svg = COMMENT.sub("", svg)
    svg = TITLE.sub("", svg)
    return ID_ATTR.sub("", svg).strip() + "\n"


# --- running a snippet and drawing a marker --------------------------------------------------------

_drawn: dict[tuple, tuple["Graph", str, str]] = {}  # both languages draw from one run of the snippet


def snippet_namespace(snippet: str, snippets: Path = SNIPPETS, raises: bool = False) -> dict:
    """Run a snippet as the doctest runs examples (same state reset) and return its variables.
    `raises`: its page shows it ending in an exception; it is drawn as it stands at that point."""
    path = snippets / snippet
    if not path.is_file():
        raise GraphError(f"snippet not found: {display(path)}")
    result = harness.run(path.read_text("utf-8"), str(path), warnings_shown=False)
    if result.error is not None and not raises:
        raise GraphError(f"snippet {display(path)} raised {type(result.error).__name__}: {result.error}")
    return result.namespace


def resolve(namespace: dict, name: str, snippet: str):
    import torch

    head, *attrs = name.split(".")
    if head not in namespace:
        defined = sorted(k for k, v in namespace.items() if isinstance(v, torch.Tensor))
        raise GraphError(f"snippet {snippet} defines no {head!r} (its tensors: {', '.join(defined) or 'none'})")
    obj = namespace[head]
    for attr in attrs:
        if not hasattr(obj, attr):
            raise GraphError(f"in snippet {snippet}, {name!r} does not exist ({type(obj).__name__} has no {attr!r})")
        obj = getattr(obj, attr)
    if not isinstance(obj, torch.Tensor):
        raise GraphError(f"in snippet {snippet}, {name!r} is a {type(obj).__name__}, not a tensor")
    return obj


def clear_cache() -> None:
    _drawn.clear()


# Drawings of the site's own snippets are also kept on disk, by everything a drawing depends on, so a
# build whose snippets did not change neither imports torch nor runs a snippet nor lays out a graph.
DISK_CACHE = Path(os.environ.get("AUTOGRAD_DOCS_GRAPH_CACHE") or SNIPPETS.parent / ".cache" / "graphs")


def _disk_key(code: str, marker: Marker, raises: bool) -> str:
    from importlib.metadata import version

    h = hashlib.sha256(Path(__file__).read_bytes())
    for part in (code, ",".join(marker.tensors), marker.direction, str(raises), version("torch"),
                 version("graphviz-pure"), os.environ.get("AUTOGRAD_DOCS_DOT", "")):
        h.update(b"\0" + part.encode())
    return h.hexdigest()[:24]


def draw(marker: Marker, snippets: Path = SNIPPETS, raises: bool = False) -> tuple[Graph, str, str]:
    """(graph, DOT, cleaned SVG) for a marker; raises PageError naming the marker's page and line.
    Cached by the snippet's content (in memory, and on disk for the site's snippets): a rebuild redraws
    only what changed."""
    path = snippets / marker.snippet
    code = path.read_text("utf-8") if path.is_file() else None
    key = (str(path), code, marker.tensors, marker.direction, raises)
    if key in _drawn:
        return _drawn[key]
    stored = DISK_CACHE / f"{_disk_key(code, marker, raises)}.pickle" if code is not None and snippets == SNIPPETS else None
    if stored is not None and stored.exists():
        _drawn[key] = pickle.loads(stored.read_bytes())
        return _drawn[key]
    try:
        namespace = snippet_namespace(marker.snippet, snippets, raises)
        graph = walk([(name, resolve(namespace, name, marker.snippet)) for name in marker.tensors])
        dot = to_dot(graph, marker.direction)
        _drawn[key] = graph, dot, layout(dot)
    except GraphError as err:
        raise PageError(f"{marker.where}: {err}") from None
    if stored is not None:
        write_atomic(stored, pickle.dumps(_drawn[key]))
    return _drawn[key]


# --- the figure, in the page's language ------------------------------------------------------------

TEXT = {
    "en": {
        "title": "Autograd graph of {names}, drawn from the snippet {snippet}",
        "tensor": "Tensor {name}: is_leaf={leaf}, requires_grad={rg}",
        "grad_fn": ", grad_fn is {fn}",
        "unnamed": "an unnamed tensor",
        "next": "{fn} passes gradients on to {targets}.",
        "stop": "{fn} has no next functions.",
        "accumulate": "AccumulateGrad adds the gradient into {name}.grad.",
        "and": " and ",
        "legend": "Legend",
        "backward": "backward node (a grad_fn), named as PyTorch prints it",
        "accumulate-key": "AccumulateGrad: adds the gradient into its leaf tensor's .grad",
        "tensor-key": "tensor from the code, with is_leaf and requires_grad",
        "none": "None: an input that needs no gradient",
        "slot": "[i] -> slot k: entry i of next_functions is the pair (node, k); the gradient goes into slot k of that node (output k of its forward operation)",
        "slot-of": "{fn} (slot {k})",
        "edge-next": "next_functions: where each node sends gradients in backward()",
        "edge-link": "a tensor's grad_fn, or the leaf an AccumulateGrad feeds (its .variable)",
    },
    "zh": {
        "title": "代码片段 {snippet} 中 {names} 的计算图，构建时由代码实际生成",
        "tensor": "张量 {name}：is_leaf={leaf}，requires_grad={rg}",
        "grad_fn": "，grad_fn 是 {fn}",
        "unnamed": "一个未命名的张量",
        "next": "{fn} 把梯度继续传给 {targets}。",
        "stop": "{fn} 没有后续节点。",
        "accumulate": "AccumulateGrad 把梯度累加到 {name}.grad。",
        "and": "、",
        "legend": "图例",
        "backward": "反向节点（即 grad_fn），名称与 PyTorch 打印的一致",
        "accumulate-key": "AccumulateGrad：把梯度累加到所连叶子张量的 .grad",
        "tensor-key": "代码中的张量，标出 is_leaf 与 requires_grad",
        "none": "None：该输入不需要梯度",
        "slot": "[i] -> slot k：next_functions 的第 i 项是二元组 (节点, k)，梯度送进该节点的 k 号槽位（对应其前向运算的 k 号输出）",
        "slot-of": "{fn}（槽位 {k}）",
        "edge-next": "next_functions：反向传播时梯度流向的下一个节点",
        "edge-link": "张量的 grad_fn，或 AccumulateGrad 所连的叶子张量（其 .variable）",
    },
}

# Small drawings for the legend, styled by the same classes as the picture (see docs/assets/graphs.css).
KEYS = [
    ("backward", "backward", '<rect class="shape" x="1" y="2" width="30" height="14" rx="4" fill="#fff3e0" stroke="#e65100"/>'),
    ("accumulate", "accumulate-key", '<rect class="shape" x="1" y="2" width="30" height="14" rx="4" fill="#e3f2fd" stroke="#1565c0"/>'),
    ("tensor leaf", "tensor-key", '<ellipse class="shape" cx="16" cy="9" rx="15" ry="7" fill="#e8f5e9" stroke="#2e7d32"/>'),
    ("none", "none", '<text class="word" x="16" y="13" text-anchor="middle" font-size="11" font-family="Helvetica,sans-serif" fill="#616161">None</text>'),
    ("edge next", "edge-next", '<path class="line" d="M2 9H24" stroke="#424242" stroke-width="1.4"/><path class="head" d="M24 5L31 9L24 13Z" fill="#424242"/>'),
    ("edge number", "slot", '<text class="word" x="16" y="13" text-anchor="middle" font-size="10" font-family="Helvetica,sans-serif" fill="#616161">slot</text>'),
    ("edge link", "edge-link", '<path class="line" d="M2 9H24" stroke="#2e7d32" stroke-width="1.4" stroke-dasharray="4 3"/><path class="head" d="M24 5L31 9L24 13Z" fill="#2e7d32"/>'),
]


def describe(graph: Graph, lang: str) -> list[str]:
    """The graph in sentences, for screen readers and search: every node and where it sends gradients."""
    t = TEXT[lang]
    counts: dict[str, int] = {}
    for n in graph.nodes:
        if n.kind in ("backward", "accumulate"):
            counts[n.label] = counts.get(n.label, 0) + 1
    names: dict[str, str] = {}
    seen: dict[str, int] = {}
    for n in graph.nodes:
        if n.kind == "tensor":
            names[n.id] = t["unnamed"] if n.label == UNNAMED else n.label
        elif n.kind == "none":
            names[n.id] = "None"
        else:
            seen[n.label] = seen.get(n.label, 0) + 1
            names[n.id] = n.label + (f" ({seen[n.label]})" if counts[n.label] > 1 else "")
    numbered = {id(e) for e in graph.numbered()}
    sentences = []
    for n in graph.nodes:
        if n.kind == "tensor":
            s = t["tensor"].format(name=names[n.id], leaf=n.is_leaf, rg=n.requires_grad)
            fns = graph.targets(n.id, "grad_fn")
            sentences.append(s + (t["grad_fn"].format(fn=names[fns[0].id]) if fns else "") + ("." if lang == "en" else "。"))
        elif n.kind in ("backward", "accumulate"):
            targets = [
                t["slot-of"].format(fn=names[e.dst], k=e.input_nr) if id(e) in numbered else names[e.dst]
                for e in graph.edges
                if e.src == n.id and e.kind == "next"
            ]
            if targets:
                sentences.append(t["next"].format(fn=names[n.id], targets=t["and"].join(targets)))
            elif n.kind == "backward":
                sentences.append(t["stop"].format(fn=names[n.id]))
            for leaf in graph.targets(n.id, "variable"):
                sentences.append(t["accumulate"].format(name=names[leaf.id]))
    return sentences


def figure_body(marker: Marker, lang: str, number: int, snippets: Path = SNIPPETS, raises: bool = False) -> str:
    """The drawing and its legend (the hook wraps them in <figure> with the caption)."""
    graph, _, svg = draw(marker, snippets, raises)
    t = TEXT[lang]
    uid = f"autograd-graph-{number}"
    title = t["title"].format(names=", ".join(marker.tensors), snippet=marker.snippet)
    desc = " ".join(describe(graph, lang))
    head_end = svg.index(">") + 1
    svg = (
        svg[: head_end - 1].rstrip()
        # data-search-exclude: the text alternative is for screen readers, not for search results (Material's search skips it).
        + f' role="img" aria-labelledby="{uid}-title {uid}-desc" data-search-exclude>\n'
        + f'<title id="{uid}-title">{html.escape(title)}</title>\n<desc id="{uid}-desc">{html.escape(desc)}</desc>'
        + svg[head_end:]
    )
    present = graph.kinds
    wanted = {
        "backward": "backward" in present,
        "accumulate": "accumulate" in present,
        "tensor leaf": "tensor" in present,
        "none": "none" in present,
        "edge next": "edge-next" in present,
        "edge number": "edge-number" in present,
        "edge link": "edge-grad_fn" in present or "edge-variable" in present,
    }
    items = "".join(
        f'<li><svg class="key {cls}" width="32" height="18" viewBox="0 0 32 18" aria-hidden="true">{shape}</svg>'
        f"<span>{html.escape(t[text])}</span></li>"
        for cls, text, shape in KEYS
        if wanted[cls]
    )
    return (
        f'<div class="autograd-graph-drawing">{svg.strip()}</div>\n'
        f'<ul class="autograd-graph-legend" aria-label="{t["legend"]}" data-search-exclude>{items}</ul>'
    )
