# %% [markdown]
# # Exercises: leaf tensors
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
import warnings

import torch
from torch import nn

torch.manual_seed(0)
print(torch.__version__)

# %% [markdown]
# ## 1. Which tensors are leaves?
#
# A tensor is a leaf when no recorded operation produced it, that is, when its `grad_fn` is `None`.
# Apply that rule to each tensor below. Which of them have `is_leaf == True`?

# %%
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 2
c = torch.tensor([3.0, 4.0])
d = c * 2
e = b.detach()
with torch.no_grad():
    f = a * 2
g = nn.Parameter(torch.ones(2))
h = a.argmax()
tensors = dict(a=a, b=b, c=c, d=d, e=e, f=f, g=g, h=h)

# %%
# Your prediction: the set of names whose tensor is a leaf
prediction = None  # e.g. {"a", "c"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# Only b was produced by a recorded operation. d and h come from
# operations too, but nothing was recorded: c does not require grad,
# and argmax has no gradient (its result is an integer). f was made
# with recording turned off; e is cut from the graph; g is a
# parameter you created.
prediction = {"a", "c", "d", "e", "f", "g", "h"}

# %%
actual = {name for name, t in tensors.items() if t.is_leaf}
assert prediction == actual, f"PyTorch says {sorted(actual)}"
print("Correct: leaves are", sorted(actual))
print("  not a leaf:", sorted(tensors.keys() - actual))

# %% [markdown]
# ## 2. Who requires grad in a training step?
#
# A result requires grad as soon as one of its inputs does. In this training step, which of the
# tensors below have `requires_grad == True`?

# %%
model = nn.Linear(3, 1)
inputs = torch.randn(4, 3)
targets = torch.randn(4, 1)
outputs = model(inputs)
loss = nn.functional.mse_loss(outputs, targets)
tensors = {"inputs": inputs, "targets": targets,
           "weight": model.weight, "bias": model.bias,
           "outputs": outputs, "loss": loss}

# %%
# Your prediction: the set of names that require grad
prediction = None  # e.g. {"inputs", "loss"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# Parameters require grad when the layer creates them; data you load
# does not. outputs and loss are computed from the parameters, so
# they require grad too.
prediction = {"weight", "bias", "outputs", "loss"}

# %%
actual = {name for name, t in tensors.items() if t.requires_grad}
assert prediction == actual, f"PyTorch says {sorted(actual)}"
print("Correct:", sorted(actual))

# %% [markdown]
# ## 3. Who gets a `.grad`?
#
# After `o.backward()`, which of `x`, `y` and `w` hold a tensor in `.grad` (not `None`)?
# The check reads `y.grad` too: see what PyTorch warns about that.

# %%
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
y = x.sigmoid()
o = (y * w).sum()
o.backward()

# %%
# Your prediction: the set of names whose .grad is not None
prediction = None  # e.g. {"y"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# backward() fills .grad only on leaves that require grad. y is an
# intermediate result: its gradient is computed on the way to x,
# then thrown away.
prediction = {"x", "w"}

# %%
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    grads = {"x": x.grad, "y": y.grad, "w": w.grad}
actual = {name for name, grad in grads.items() if grad is not None}
assert prediction == actual, f"PyTorch says {sorted(actual)}"
print("Correct:", sorted(actual))
print("Reading y.grad warned:")
print(" ", str(caught[0].message).split(". ")[0])

# %% [markdown]
# ## 4. `retain_grad()`: before or after?
#
# `retain_grad()` asks PyTorch to keep the gradient of an intermediate result. Below, `y1` calls it
# before `backward()` and `y2` after. What do `y1.grad` and `y2.grad` hold?

# %%
w = torch.tensor([0.5, -1.0, 2.0])

x1 = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y1 = x1.sigmoid()
y1.retain_grad()
(y1 * w).sum().backward()

x2 = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y2 = x2.sigmoid()
(y2 * w).sum().backward()
y2.retain_grad()

# %%
# Your prediction: (y1.grad as a list of floats, y2.grad)
prediction = None  # e.g. ([1.0, 1.0, 1.0], [1.0, 1.0, 1.0])

# %% tags=["solution"] jupyter={"source_hidden": true}
# The gradient of sum(y * w) with respect to y is w. y1 asked in
# time; for y2 the backward pass was already over, and retain_grad()
# does not compute anything afterwards.
prediction = ([0.5, -1.0, 2.0], None)

# %%
actual = (y1.grad.tolist(), y2.grad)
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)

# %% [markdown]
# ## 5. `torch.tensor` or `torch.Tensor`?
#
# Only tensors of a floating point or complex dtype can require gradients. Which of these tensors
# accept `.requires_grad_()`? Think about the dtype each one gets.

# %%
makers = {
    "torch.tensor([1, 2])": lambda: torch.tensor([1, 2]),
    "torch.tensor([1., 2.])": lambda: torch.tensor([1.0, 2.0]),
    "torch.Tensor([1, 2])": lambda: torch.Tensor([1, 2]),
    "torch.arange(3)": lambda: torch.arange(3),
    "torch.zeros(2, dtype=torch.bool)":
        lambda: torch.zeros(2, dtype=torch.bool),
    "torch.zeros(2, dtype=torch.complex64)":
        lambda: torch.zeros(2, dtype=torch.complex64),
}

# %%
# Your prediction: the set of keys whose tensor can require grad
prediction = None  # e.g. {"torch.tensor([1, 2])"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# torch.tensor infers the dtype from the data: [1, 2] gives int64.
# torch.Tensor is the class, and calling it always gives the default
# float dtype (float32). arange(3) is int64 too.
prediction = {
    "torch.tensor([1., 2.])",
    "torch.Tensor([1, 2])",
    "torch.zeros(2, dtype=torch.complex64)",
}

# %%
actual = set()
for name, make in makers.items():
    try:
        make().requires_grad_()
        actual.add(name)
    except RuntimeError:
        pass
assert prediction == actual, f"PyTorch says {sorted(actual)}"
print("Correct:")
for name in sorted(actual):
    print(" ", name)

# %% [markdown]
# This is the error you get for an integer tensor:

# %% tags=["raises-exception"]
torch.tensor([1, 2], requires_grad=True)

# %% [markdown]
# ## 6. An early weight's gradient depends on a later weight
#
# Two layers with one weight each and no bias: `out = w2 * (w1 * x)`. With `x = 2`, `w1 = 0.5`,
# what is `w1.grad` when `w2 = 3`, and when `w2 = 5`?

# %%
def first_layer_grad(w2: float) -> float:
    layer1 = nn.Linear(1, 1, bias=False)
    layer2 = nn.Linear(1, 1, bias=False)
    with torch.no_grad():  # set the weights without recording
        layer1.weight.fill_(0.5)
        layer2.weight.fill_(w2)
    layer2(layer1(torch.tensor([[2.0]]))).sum().backward()
    return layer1.weight.grad.item()

# %%
# Your prediction: (w1.grad when w2 = 3, w1.grad when w2 = 5)
prediction = None  # e.g. (1.0, 1.0)

# %% tags=["solution"] jupyter={"source_hidden": true}
# d out / d w1 = w2 * x: the chain rule multiplies by the weights of
# the later layers.
prediction = (6.0, 10.0)

# %%
actual = (first_layer_grad(3.0), first_layer_grad(5.0))
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)
