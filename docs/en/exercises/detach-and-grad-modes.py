# %% [markdown]
# # Exercises: detach and grad modes
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
from torch import nn

torch.manual_seed(0)
print(torch.__version__)

# %% [markdown]
# ## 1. `detach()` and `detach_()`
#
# `detach()` returns something new, `detach_()` changes the tensor it is called on. Fill in each value.

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
z = y.detach()

y2 = x * 2
r = y2.detach_()

# %%
# Your prediction: replace each ... with True or False
prediction = {
    "z is y": ...,
    "z.requires_grad": ...,
    "z.is_leaf": ...,
    "z shares y's memory": ...,
    "r is y2": ...,
    "y2.requires_grad": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# detach() returns a new tensor, cut from the graph (so a leaf that
# does not require grad), viewing the same memory. detach_() cuts y2
# itself from the graph and returns it.
prediction = {
    "z is y": False,
    "z.requires_grad": False,
    "z.is_leaf": True,
    "z shares y's memory": True,
    "r is y2": True,
    "y2.requires_grad": False,
}

# %%
actual = {
    "z is y": z is y,
    "z.requires_grad": z.requires_grad,
    "z.is_leaf": z.is_leaf,
    "z shares y's memory": z.data_ptr() == y.data_ptr(),
    "r is y2": r is y2,
    "y2.requires_grad": y2.requires_grad,
}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:")
for key, value in actual.items():
    print(f"  {key}: {value}")

# %% [markdown]
# ## 2. Changing a detached tensor in place
#
# `exp` saves its result, because the derivative of exp(x) is exp(x). What does `y` hold after
# `d[:] = 0.0`, and does `y.sum().backward()` still work?

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x.exp()
d = y.detach()
d[:] = 0.0  # writes into d's memory, in place

# %%
# Your prediction: replace each ...
prediction = {"y as a list": ..., "backward raises": ...}

# %% tags=["solution"] jupyter={"source_hidden": true}
# d and y share memory, so y is zeroed too. Every tensor counts its
# in-place changes (its version); backward sees that the saved
# result of exp changed since it was saved, and refuses.
prediction = {"y as a list": [0.0, 0.0], "backward raises": True}

# %%
try:
    y.sum().backward()
    raised = False
except RuntimeError:
    raised = True
actual = {"y as a list": y.tolist(), "backward raises": raised}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:")
for key, value in actual.items():
    print(f"  {key}: {value}")

# %% [markdown]
# The error, in full:

# %% tags=["raises-exception"]
y.sum().backward()

# %% [markdown]
# ## 3. Train only the second layer
#
# The output of `layer1` is detached before it goes into `layer2`. After `backward()`, which
# parameters still have `.grad == None`?

# %%
layer1 = nn.Linear(2, 2)
layer2 = nn.Linear(2, 1)
inputs = torch.randn(4, 2)
out = layer2(layer1(inputs).detach())
out.sum().backward()
params = {f"{layer}.{name}": p
          for layer, module in (("layer1", layer1), ("layer2", layer2))
          for name, p in module.named_parameters()}

# %%
# Your prediction: the set of parameter names whose .grad is None
prediction = None  # e.g. {"layer2.bias"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# The backward pass stops at the detached tensor: layer1's
# parameters are never reached.
prediction = {"layer1.weight", "layer1.bias"}

# %%
actual = {name for name, p in params.items() if p.grad is None}
assert prediction == actual, f"PyTorch says {sorted(actual)}"
print("Correct:", sorted(actual))
print("layer2.weight.grad:", params["layer2.weight"].grad)

# %% [markdown]
# ## 4. Grad modes and how they end
#
# `x` requires grad. Which results require grad? Careful with `e`: inside `no_grad`,
# `torch.set_grad_enabled(True)` is called as a function. And is grad mode on after that block?

# %%
x = torch.ones(2, requires_grad=True)
with torch.no_grad():
    a = x * 2
with torch.set_grad_enabled(False):
    b = x * 2
with torch.inference_mode():
    c = x * 2
d = x * 2
with torch.no_grad():
    torch.set_grad_enabled(True)
    e = x * 2
mode_after = torch.is_grad_enabled()

# %%
# Your prediction: replace each ... with True or False
prediction = {
    "a": ..., "b": ..., "c": ..., "d": ..., "e": ...,
    "grad mode after": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# Inside no_grad, set_grad_enabled(False) and inference_mode nothing
# is recorded. Calling set_grad_enabled(True) switches recording
# back on at once; leaving a with-block restores the mode it found
# on entry (on).
prediction = {
    "a": False,
    "b": False,
    "c": False,
    "d": True,
    "e": True,
    "grad mode after": True,
}

# %%
actual = {
    "a": a.requires_grad,
    "b": b.requires_grad,
    "c": c.requires_grad,
    "d": d.requires_grad,
    "e": e.requires_grad,
    "grad mode after": mode_after,
}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:")
for key, value in actual.items():
    print(f"  {key}: {value}")

# %% [markdown]
# `c` was made under `inference_mode`: it is an inference tensor, and autograd refuses to save it for a later
# backward pass. `no_grad` results such as `a` have no such limit.

# %% tags=["raises-exception"]
(c * x).sum()

# %% [markdown]
# ## 5. `model.eval()` or `torch.no_grad()`?
#
# The model ends with dropout. Case A calls `model.eval()`; case B keeps training mode but runs under
# `no_grad`. In each case: does the output require grad, and do two calls on the same input agree?

# %%
# 64 outputs, so that two random dropout masks cannot coincide
model = nn.Sequential(nn.Linear(8, 64), nn.Dropout(p=0.5))
inputs = torch.ones(1, 8)

model.eval()
a1, a2 = model(inputs), model(inputs)

model.train()
with torch.no_grad():
    b1, b2 = model(inputs), model(inputs)

# %%
# Your prediction: replace each ... with True or False
prediction = {
    "A requires grad": ...,
    "A calls agree": ...,
    "B requires grad": ...,
    "B calls agree": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# eval() changes how layers behave (dropout off, BatchNorm uses
# running stats) but records as usual. no_grad stops recording but
# leaves dropout on. For inference, use both.
prediction = {
    "A requires grad": True,
    "A calls agree": True,
    "B requires grad": False,
    "B calls agree": False,
}

# %%
actual = {
    "A requires grad": a1.requires_grad,
    "A calls agree": torch.equal(a1, a2),
    "B requires grad": b1.requires_grad,
    "B calls agree": torch.equal(b1, b2),
}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:")
for key, value in actual.items():
    print(f"  {key}: {value}")
