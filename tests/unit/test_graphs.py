"""The graph pictures: the walker draws what autograd holds, and markers are checked, naming page and line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import torch

from autograd_docs import pages
from autograd_docs.build import checks, graphs

# --- the walker ---------------------------------------------------------------------------------


def kinds_and_labels(g: graphs.Graph) -> list[tuple[str, str]]:
    return [(n.kind, n.label) for n in g.nodes]


def reachable(g: graphs.Graph, start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo += [e.dst for e in g.edges if e.src == node]
    return seen


def by_label(g: graphs.Graph, label: str) -> list[graphs.Node]:
    return [n for n in g.nodes if n.label == label]


def test_nodes_are_named_as_pytorch_prints_them_in_visiting_order():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x + 2
    z = (y * 3).sum()
    g = graphs.walk([("z", z)])
    assert kinds_and_labels(g) == [
        ("tensor", "z"),
        ("backward", "SumBackward0"),
        ("backward", "MulBackward0"),
        ("backward", "AddBackward0"),
        ("accumulate", "AccumulateGrad"),
        ("tensor", graphs.UNNAMED),  # x is reached, but the walk was not told its name
        ("none", "None"),  # the constant 2
        ("none", "None"),  # the constant 3
    ]
    assert [n.id for n in g.nodes] == [f"n{k}" for k in range(8)]
    for fn, label in ((z.grad_fn, "SumBackward0"), (y.grad_fn, "AddBackward0")):
        assert repr(fn).startswith(f"<{label} object at 0x")
    z_node = g.nodes[0]
    assert (z_node.is_leaf, z_node.requires_grad) == (False, True)
    assert [n.label for n in g.targets(z_node.id, "grad_fn")] == ["SumBackward0"]


def test_accumulate_grad_feeds_the_leaf_it_accumulates_into():
    x = torch.ones(3)  # data: needs no gradient
    w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    b = torch.tensor(0.5, requires_grad=True)
    out = (x * w).sum() + b
    g = graphs.walk([("out", out), ("w", w), ("b", b)])
    fed = {g.targets(a.id, "variable")[0].label for a in by_label(g, "AccumulateGrad")}
    assert fed == {"w", "b"}
    for name in ("w", "b"):
        (leaf,) = by_label(g, name)
        assert (leaf.is_leaf, leaf.requires_grad) == (True, True)
        assert g.targets(leaf.id, "grad_fn") == []  # a leaf has no grad_fn
    assert len(by_label(g, "AccumulateGrad")) == 2


def test_an_input_that_needs_no_gradient_is_a_none_slot():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    c = torch.tensor([3.0, 4.0])
    y = x * c
    assert y.grad_fn.next_functions[1][0] is None
    g = graphs.walk([("y", y), ("x", x), ("c", c)])
    (mul,) = by_label(g, "MulBackward0")
    assert [n.label for n in g.targets(mul.id)] == ["AccumulateGrad", "None"]
    assert [e.slot for e in g.edges if e.src == mul.id] == [0, 1]
    (c_node,) = by_label(g, "c")
    assert (c_node.is_leaf, c_node.requires_grad) == (True, False)
    assert not any(c_node.id in (e.src, e.dst) for e in g.edges)  # c is not in the graph at all


def test_detach_cuts_the_graph():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    w = torch.tensor([3.0, 4.0], requires_grad=True)
    h = x * 2
    d = h.detach()
    z = d * w
    g = graphs.walk([("z", z), ("h", h), ("d", d), ("x", x)])
    (z_node,) = by_label(g, "z")
    from_z = {g.node(i).label for i in reachable(g, z_node.id)}
    assert from_z == {"z", "MulBackward0", "None", "AccumulateGrad", graphs.UNNAMED}  # w unnamed, x unreachable
    (x_node,) = by_label(g, "x")
    assert x_node.id not in reachable(g, z_node.id)
    (d_node,) = by_label(g, "d")
    assert (d_node.is_leaf, d_node.requires_grad) == (True, False)
    assert not any(d_node.id in (e.src, e.dst) for e in g.edges)
    (h_node,) = by_label(g, "h")
    assert x_node.id in reachable(g, h_node.id)  # the graph before the cut is still there, from h


def test_a_tensor_used_twice_is_one_node_with_two_edges():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * x
    g = graphs.walk([("y", y), ("x", x)])
    (mul,) = by_label(g, "MulBackward0")
    (acc,) = by_label(g, "AccumulateGrad")
    (x_node,) = by_label(g, "x")
    assert [(e.dst, e.slot) for e in g.edges if e.src == mul.id] == [(acc.id, 0), (acc.id, 1)]
    assert g.targets(acc.id, "variable") == [x_node]

    s = x * 2 + (x + 1)  # used by two operations: both reach the one AccumulateGrad
    g = graphs.walk([("s", s), ("x", x)])
    (acc,) = by_label(g, "AccumulateGrad")
    assert [e.src for e in g.edges if e.dst == acc.id] == [by_label(g, "MulBackward0")[0].id, by_label(g, "AddBackward0")[1].id]


def test_the_number_in_an_edge_is_drawn_where_it_tells_something():
    x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
    first, second = x.split(2)
    y = second * first
    assert [nr for _, nr in y.grad_fn.next_functions] == [1, 0]
    g = graphs.walk([("y", y), ("x", x)])
    (mul,) = by_label(g, "MulBackward0")
    (split,) = by_label(g, "SplitBackward0")
    assert [(e.dst, e.slot, e.input_nr) for e in g.edges if e.src == mul.id] == [(split.id, 0, 1), (split.id, 1, 0)]
    dot = graphs.to_dot(g)
    assert f'{mul.id} -> {split.id} [class="next" color="#424242" label=" [0] -> slot 1 "' in dot
    assert f'{mul.id} -> {split.id} [class="next" color="#424242" label=" [1] -> slot 0 "' in dot
    assert "slot 1" in " ".join(graphs.describe(g, "en")) and "槽位 1" in " ".join(graphs.describe(g, "zh"))

    w = torch.tensor([3.0], requires_grad=True)
    g = graphs.walk([("y", w * w), ("w", w)])  # two edges into one AccumulateGrad: both carry 0
    assert graphs.to_dot(g).count('-> slot 0 "') == 2 and "edge-number" in g.kinds

    # Every edge carries 0 and no node sends two edges to the same node: nothing to tell, no numbers,
    # also where two nodes send theirs to one AccumulateGrad.
    for z in ((x * 2).sum(), x * 2 + (x + 1)):
        g = graphs.walk([("z", z)])
        assert g.numbered() == [] and "slot" not in graphs.to_dot(g) and "edge-number" not in g.kinds


def test_one_tensor_under_two_names_is_one_node():
    a = torch.ones(2, requires_grad=True)
    b = a
    g = graphs.walk([("a", a), ("b", b)])
    assert kinds_and_labels(g) == [("tensor", "a = b")]


def sample_dot() -> str:
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    w = torch.ones(3, requires_grad=True)
    loss = ((x * w).sigmoid() * x).sum()
    return graphs.to_dot(graphs.walk([("loss", loss), ("x", x), ("w", w)]))


def test_dot_and_svg_are_the_same_on_every_run():
    first, second = sample_dot(), sample_dot()
    assert first == second
    assert "0x" not in first and first.isascii()
    assert "SigmoidBackward0" in first
    svg = graphs.layout(first)
    assert svg == graphs.layout(second)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert " id=" not in svg and "<title>" not in svg  # the figure adds its own ids and title


def test_labels_must_be_ascii_and_graphs_small():
    t = torch.ones(1, requires_grad=True)
    with pytest.raises(graphs.GraphError, match="not ASCII"):
        graphs.to_dot(graphs.walk([("张量", t * 2)]))
    y = t
    for _ in range(graphs.MAX_NODES):
        y = y * 1.5
    with pytest.raises(graphs.GraphError, match="too big to draw"):
        graphs.walk([("y", y)])


# --- markers ------------------------------------------------------------------------------------

MARKER = "<!-- autograd-graph: computation-graph/grad_fn_recorded.py tensors=z,y,x\nThe caption, with `code`.\n-->\n"


def page(tmp_path: Path, text: str, name: str = "page.md") -> Path:
    p = tmp_path / name
    p.write_text(text, "utf-8")
    return p


def markers_of(path: Path) -> list[pages.Marker]:
    return pages.read(path).markers


def test_markers_are_read_outside_code_fences(tmp_path):
    text = (
        "# Title\n\n" + MARKER + "\n```markdown\n" + MARKER + "```\n\n"
        "!!! note\n\n    <!-- autograd-graph: a/b.py tensors=m.weight direction=right\n    Indented caption\n"
        "    on two lines -->\n"
    )
    markers = markers_of(page(tmp_path, text))
    assert [(m.line, m.end, m.snippet, m.tensors, m.direction, m.caption) for m in markers] == [
        (3, 5, "computation-graph/grad_fn_recorded.py", ("z", "y", "x"), "down", "The caption, with `code`."),
        (15, 17, "a/b.py", ("m.weight",), "right", "Indented caption\non two lines"),
    ]
    assert markers[1].indent == "    "


@pytest.mark.parametrize(
    "text, message",
    [
        ("<!-- autograd-graph: a.py tensors=x\ncaption\n", "2: picture marker is never closed"),
        ("<!-- autograd-graph a.py tensors=x\ncaption -->\n", "2: write the marker as"),
        ("<!-- autograd-graph: tensors=x\ncaption -->\n", "2: picture marker names no snippet"),
        ("<!-- autograd-graph: a.py\ncaption -->\n", "2: picture marker needs tensors="),
        ("<!-- autograd-graph: a.py tensors=x color=red\ncaption -->\n", "2: bad picture option 'color=red'"),
        ("<!-- autograd-graph: a.py tensors=x-1\ncaption -->\n", "2: 'x-1' is not a variable name"),
        ("<!-- autograd-graph: a.py tensors=x direction=up\ncaption -->\n", "2: direction=up is not one of down, right"),
        ("<!-- autograd-graph: a.py tensors=x -->\n", "2: picture marker has no caption"),
        ("<!-- autograd-graph: a.py tensors=x\none\n\ntwo -->\n", "2: the picture's caption is one paragraph"),
    ],
    ids=["unclosed", "no-colon", "no-snippet", "no-tensors", "bad-option", "bad-name", "bad-direction", "no-caption", "two-paragraphs"],
)
def test_malformed_markers_name_page_and_line(tmp_path, text, message):
    path = page(tmp_path, "# T\n" + text)
    with pytest.raises(pages.PageError) as err:
        markers_of(path)
    assert str(err.value).startswith(f"{pages.display(path)}:{message}")


@pytest.mark.parametrize(
    "spec, message",
    [
        ("nope/missing.py tensors=x", "page.md:2: snippet not found: snippets/nope/missing.py"),
        ("computation-graph/grad_fn_recorded.py tensors=z,w", "page.md:2: snippet computation-graph/grad_fn_recorded.py defines no 'w' (its tensors: x, y, z)"),
        ("computation-graph/grad_fn_recorded.py tensors=torch", "'torch' is a module, not a tensor"),
        ("computation-graph/grad_fn_recorded.py tensors=z.nothing", "'z.nothing' does not exist (Tensor has no 'nothing')"),
    ],
    ids=["missing-snippet", "unknown-name", "not-a-tensor", "missing-attribute"],
)
def test_a_marker_that_cannot_be_drawn_names_page_and_line(tmp_path, monkeypatch, spec, message):
    monkeypatch.chdir(pages.ROOT)
    (marker,) = markers_of(page(tmp_path, f"# T\n<!-- autograd-graph: {spec}\ncaption -->\n"))
    with pytest.raises(pages.PageError) as err:
        graphs.draw(marker)
    assert message in str(err.value)
    assert str(err.value).split(": ")[0].endswith("page.md:2")


def test_a_layout_failure_names_page_and_line(tmp_path, monkeypatch):
    graphs.clear_cache()  # nothing cached from an earlier test
    monkeypatch.setenv("AUTOGRAD_DOCS_DOT", f"{sys.executable} -c 'import sys; sys.exit(\"syntax error in line 1\")'")
    (marker,) = markers_of(page(tmp_path, "# T\n\n" + MARKER))
    with pytest.raises(pages.PageError, match=r"page\.md:3: graph layout failed .*syntax error in line 1"):
        graphs.draw(marker)


def test_a_snippet_is_drawn_as_it_stands_at_the_exception_its_page_shows(tmp_path):
    snippets = tmp_path / "snippets"
    (snippets / "g").mkdir(parents=True)
    code = "import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\ny.backward()\ny.backward()\n"
    (snippets / "g" / "twice.py").write_text(code)
    (marker,) = markers_of(page(tmp_path, "# T\n<!-- autograd-graph: g/twice.py tensors=y,x\nc -->\n"))
    with pytest.raises(pages.PageError, match="page.md:2: snippet .*twice.py raised RuntimeError"):
        graphs.draw(marker, snippets)  # its page does not show that exception
    g, _, _ = graphs.draw(marker, snippets, raises=True)
    assert g.labels("backward") == ["SumBackward0", "MulBackward0"]


def test_attribute_paths_name_tensors_that_are_not_variables(tmp_path):
    snippets = tmp_path / "snippets"
    (snippets / "g").mkdir(parents=True)
    (snippets / "g" / "mlp.py").write_text(
        "import torch\nnet = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.ReLU(), torch.nn.Linear(2, 1))\n"
        "loss = net(torch.randn(4, 3)).pow(2).mean()\n"
    )
    (marker,) = markers_of(page(tmp_path, "# T\n<!-- autograd-graph: g/mlp.py tensors=loss,net.0.weight\nc -->\n"))
    g, _, _ = graphs.draw(marker, snippets)
    (weight,) = by_label(g, "net.0.weight")
    assert [n.label for n in g.nodes if n.kind == "tensor"].count(graphs.UNNAMED) == 3  # the biases and net.2.weight
    assert any(g.targets(a.id, "variable") == [weight] for a in by_label(g, "AccumulateGrad"))


def test_translations_must_have_the_same_markers(tmp_path):
    docs = tmp_path / "docs"
    for lang, tensors in (("en", "z,y,x"), ("zh", "z,x")):
        (docs / lang).mkdir(parents=True)
        (docs / lang / "index.md").write_text(
            f"# T\n\nText.\n\n<!-- autograd-graph: computation-graph/grad_fn_recorded.py tensors={tensors}\n说明 -->\n", "utf-8"
        )
    errors = checks.check_translations(docs)
    assert len(errors) == 1
    assert errors[0].startswith(f"{pages.display(docs / 'zh' / 'index.md')}:5: picture markers differ")
    (docs / "zh" / "index.md").write_text((docs / "en" / "index.md").read_text().replace("Text.", "文字。"))
    assert checks.check_translations(docs) == []


