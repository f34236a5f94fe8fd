# %% [markdown]
# # Exercises: backward() and its gradient argument
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
# ## 1. What shape must `gradient=` have?
#
# `y` has shape (2, 3), so `y.backward()` alone fails (see the cell below). Which shape must the
# tensor passed as `gradient=` have? The check tries several shapes and keeps those that work.

# %%
x = torch.ones(2, 3, requires_grad=True)
y = x * 2

# %% tags=["raises-exception"]
y.backward()

# %%
# Your prediction: the one shape that works, as a tuple
prediction = None  # e.g. (6,)

# %% tags=["solution"] jupyter={"source_hidden": true}
# gradient holds one weight per element of y: exactly y's shape,
# with no broadcasting.
prediction = (2, 3)

# %%
works = []
for shape in [(), (1,), (3,), (6,), (1, 3), (3, 2), (2, 3)]:
    try:
        y.backward(gradient=torch.ones(shape), retain_graph=True)
        works.append(shape)
    except RuntimeError:
        pass
assert [prediction] == works, f"PyTorch accepts {works}"
print("Correct: only", works[0], "works")

# %% [markdown]
# ## 2. And for a scalar output?
#
# For a scalar `loss`, `loss.backward()` needs no argument. Which of these values can you also pass
# explicitly as `gradient=`?

# %%
x = torch.tensor(2.0, requires_grad=True)
loss = x * x
candidates = {
    "None": None,
    "torch.tensor(1.0)": torch.tensor(1.0),
    "torch.tensor([1.0])": torch.tensor([1.0]),
}

# %%
# Your prediction: the set of keys that work
prediction = None  # e.g. {"torch.tensor([1.0])"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# None means "the output is a scalar, use 1". An explicit gradient
# must match the output's shape, and a scalar has shape ():
# torch.tensor([1.0]) has shape (1,) and is rejected.
prediction = {"None", "torch.tensor(1.0)"}

# %%
works = set()
for name, gradient in candidates.items():
    try:
        loss.backward(gradient=gradient, retain_graph=True)
        works.add(name)
    except RuntimeError:
        pass
assert prediction == works, f"PyTorch accepts {sorted(works)}"
print("Correct:", sorted(works))

# %% [markdown]
# ## 3. What `gradient=v` computes
#
# `y = x ** 2` elementwise, and `y.backward(gradient=v)`. What ends up in `x.grad`?
# (Hint: backward with `gradient=v` computes the gradient of `(y * v).sum()`.)

# %%
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
v = torch.tensor([1.0, 0.1, 0.01])
y = x ** 2
y.backward(gradient=v)

# %%
# Your prediction: x.grad as a list of floats
prediction = None  # e.g. [1.0, 1.0, 1.0]

# %% tags=["solution"] jupyter={"source_hidden": true}
# The vector-Jacobian product v^T J. Here J is diagonal with entries
# 2x, so x.grad = 2 * x * v.
prediction = [2.0, 0.4, 0.06]

# %%
x2 = x.detach().clone().requires_grad_()
((x2 ** 2) * v).sum().backward()  # the same thing, written as a scalar
same = torch.allclose(x.grad, x2.grad)
assert same, "backward(gradient=v) differs from (y * v).sum()"
assert prediction is not None, "write your prediction first"
right = torch.allclose(torch.tensor(prediction), x.grad)
assert right, f"PyTorch says {x.grad}"
print("Correct:", x.grad, "= grad of (y * v).sum()")

# %% [markdown]
# ## 4. `gradient=ones` does not give the Jacobian
#
# Here `y = [x0 * x1, x1 * x2]` with `x = [1, 2, 3]`, so the Jacobian is a 2 x 3 matrix.
# With `v = ones`, backward fills `x.grad` with a vector of length 3. Which vector?

# %%
def fn(x):
    return torch.stack([x[0] * x[1], x[1] * x[2]])


x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = fn(x)
y.backward(gradient=torch.ones_like(y))

# %%
# Your prediction: x.grad as a list of floats
prediction = None  # e.g. [2.0, 1.0, 0.0]

# %% tags=["solution"] jupyter={"source_hidden": true}
# J = [[x1, x0, 0], [0, x2, x1]] = [[2, 1, 0], [0, 3, 2]].
# ones^T J adds up the rows: one number per input, the whole matrix
# is gone.
prediction = [2.0, 4.0, 2.0]

# %%
J = torch.autograd.functional.jacobian(fn, x.detach())
print("Jacobian:\n", J)
assert torch.equal(x.grad, J.sum(dim=0))
assert prediction is not None, "write your prediction first"
right = torch.allclose(torch.tensor(prediction), x.grad)
assert right, f"PyTorch says {x.grad}"
print("Correct: x.grad =", x.grad, "= the column sums of J")

# %% [markdown]
# ## 5. Two backward passes through one graph
#
# The first `backward()` keeps the graph (`retain_graph=True`), the second does not. What is in `x.grad`
# at the end? Then see what happens to a graph that was not retained.

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
z = (x * x).sum()
z.backward(retain_graph=True)
z.backward()

# %%
# Your prediction: x.grad as a list of floats
prediction = None  # e.g. [2.0, 4.0]

# %% tags=["solution"] jupyter={"source_hidden": true}
# Each pass adds d z / d x = 2x = [2, 4] into x.grad:
# twice gives [4, 8].
prediction = [4.0, 8.0]

# %%
assert prediction == x.grad.tolist(), f"PyTorch says {x.grad}"
print("Correct:", x.grad, "= 2 * (2 * x)")

# %% [markdown]
# Without `retain_graph=True`, the first pass frees what the graph saved for the backward pass,
# and a second pass fails:

# %% tags=["raises-exception"]
x = torch.tensor([1.0, 2.0], requires_grad=True)
z = (x * x).sum()
z.backward()
z.backward()

# %% [markdown]
# ## 6. `torch.autograd.grad` and gradients of gradients
#
# `torch.autograd.grad` returns gradients instead of adding them into `.grad`. With
# `create_graph=True`, the returned gradient is itself part of a graph and can be differentiated.
# For `y = x ** 3` at `x = 2`: what are `dy`, `d2y`, and `x.grad` at the end?

# %%
x = torch.tensor(2.0, requires_grad=True)
y = x ** 3
(dy,) = torch.autograd.grad(y, x, create_graph=True)
(d2y,) = torch.autograd.grad(dy, x)

# %%
# Your prediction: (dy as a float, d2y as a float, x.grad)
prediction = None  # e.g. (8.0, 8.0, 8.0)

# %% tags=["solution"] jupyter={"source_hidden": true}
# dy = 3x^2 = 12 and d2y = 6x = 12. autograd.grad returns its
# results and leaves .grad alone.
prediction = (12.0, 12.0, None)

# %%
actual = (dy.item(), d2y.item(), x.grad)
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)
print("dy carries a graph:", dy.grad_fn is not None)
