# %% [markdown]
# # Exercises: computation graphs
#
# Each exercise shows some code and asks what PyTorch will do. Work it out on paper first, then:
#
# 1. write your answer in the cell that starts with `prediction =`;
# 2. run the **check** cell under it: it computes the real answer with PyTorch and compares.
#
# The **solution** cell between them is collapsed: open it only after you have committed to an answer.
# "Run All" runs the solutions too, so a notebook run from top to bottom passes every check.
# You need nothing but PyTorch (`pip install torch`).

# %%
import torch

print(torch.__version__)

# %% [markdown]
# ## 1. Python decides what gets recorded
#
# PyTorch records the graph while the forward pass runs (define-by-run). The function below takes a
# different branch depending on the data. For each result, what is the class name of its `grad_fn`,
# that is, what does `type(t.grad_fn).__name__` return?

# %%
def f(x):
    if x.sum() > 0:  # plain Python control flow, decided by the values
        return x * 2
    return x ** 2


pos = f(torch.tensor([1.0, 2.0], requires_grad=True))
neg = f(torch.tensor([-1.0, -2.0], requires_grad=True))

# %%
# Your prediction: a pair of class names (pos, neg)
prediction = None  # e.g. ("AddBackward0", "AddBackward0")

# %% tags=["solution"] jupyter={"source_hidden": true}
# Each call records only the operations that actually ran: x * 2 for
# pos, x ** 2 for neg.
prediction = ("MulBackward0", "PowBackward0")

# %%
actual = (type(pos.grad_fn).__name__, type(neg.grad_fn).__name__)
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)

# %% [markdown]
# ## 2. Walk the graph from the root
#
# A `while` loop multiplies by 3 until the value reaches 10. Starting at `y.grad_fn` and following
# the first entry of `next_functions` each time, which nodes do you pass through, down to the leaf `x`?
# Give the list of class names, root first.

# %%
x = torch.tensor(1.0, requires_grad=True)
y = x
while y < 10:  # how many times this runs depends on the data
    y = y * 3

# %%
# Your prediction: a list of class names, root first
prediction = None  # e.g. ["PowBackward0", "AccumulateGrad"]

# %% tags=["solution"] jupyter={"source_hidden": true}
# 1 -> 3 -> 9 -> 27: three multiplications, each a MulBackward0
# node. The walk ends at the AccumulateGrad node of the leaf x,
# which has no next_functions.
prediction = ["MulBackward0", "MulBackward0", "MulBackward0",
              "AccumulateGrad"]

# %%
names, node = [], y.grad_fn
while node is not None:
    names.append(type(node).__name__)
    node = node.next_functions[0][0] if node.next_functions else None
assert prediction == names, f"PyTorch says {names}"
print("Correct:", " -> ".join(names))

# %% [markdown]
# ## 3. A tensor that does not require grad
#
# `c` was created without `requires_grad=True`. After `y = x * c`, the node `y.grad_fn` has one entry in
# `next_functions` per input of the multiplication. What does each entry point to? Give the class name,
# or `None` where there is no node.

# %%
x = torch.tensor(2.0, requires_grad=True)
c = torch.tensor(5.0)  # requires_grad=False
y = x * c

# %%
# Your prediction: one entry per input, in the order (x, c)
prediction = None  # e.g. ["MulBackward0", "MulBackward0"]

# %% tags=["solution"] jupyter={"source_hidden": true}
# x is a leaf that requires grad: its gradient is collected by an
# AccumulateGrad node. c needs no gradient, so the graph has no node
# for it: the entry is None.
prediction = ["AccumulateGrad", None]

# %%
edges = y.grad_fn.next_functions
actual = [None if fn is None else type(fn).__name__ for fn, _ in edges]
assert prediction == actual, f"PyTorch says {actual}"
y.backward()
print("Correct:", actual, "| c.grad after backward:", c.grad)

# %% [markdown]
# ## 4. What the number in `MulBackward0` means
#
# Two multiplications in a row, then a sum over all elements and a sum over one dimension.
# What are the four class names? Does the number count something?

# %%
x = torch.ones(3, requires_grad=True)
a = x * 2
b = a * 3
s_all = x.sum()
s_dim = x.sum(dim=0)

# %%
# Your prediction: class names of the grad_fn of a, b, s_all, s_dim
# e.g. ("MulBackward0", "MulBackward0",
#       "SumBackward0", "SumBackward0")
prediction = None

# %% tags=["solution"] jupyter={"source_hidden": true}
# The number is not an instance counter: every multiplication gives
# MulBackward0. It tells apart overloads of one operation: sum() and
# sum(dim) are different overloads.
prediction = ("MulBackward0", "MulBackward0",
              "SumBackward0", "SumBackward1")

# %%
actual = tuple(type(t.grad_fn).__name__ for t in (a, b, s_all, s_dim))
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)

# %% [markdown]
# ## 5. Where the leaves hang
#
# `loss` is the root of the graph below. Go from `loss.grad_fn` to the multiplication node, and look at
# its two `next_functions`: both are `AccumulateGrad` nodes. Their attribute `.variable` is a tensor.
# Which of our Python variables is it, for each of the two? And what is `w.grad_fn`?

# %%
w = torch.tensor([1.0, 2.0], requires_grad=True)
v = torch.tensor([3.0, 4.0], requires_grad=True)
loss = (w * v).sum()
mul = loss.grad_fn.next_functions[0][0]

# %%
# Your prediction: (first .variable, second .variable, w.grad_fn),
# each .variable given by the name of our Python variable
prediction = None  # e.g. ("loss", "loss", "MulBackward0")

# %% tags=["solution"] jupyter={"source_hidden": true}
# Each AccumulateGrad node holds the leaf it writes .grad into, in
# the order of the inputs of w * v. A leaf was not produced by a
# recorded operation, so its grad_fn is None.
prediction = ("w", "v", None)

# %%
names = {id(w): "w", id(v): "v", id(loss): "loss"}
variables = tuple(names.get(id(fn.variable))
                  for fn, _ in mul.next_functions)
actual = variables + (w.grad_fn,)
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)
