# %% [markdown]
# # Exercises: zero_grad and gradient accumulation
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
# ## 1. Three backward passes, no zeroing
#
# Each pass builds a new graph for `x * x` and calls `backward()` on it. What is `x.grad` at the end?

# %%
x = torch.tensor(3.0, requires_grad=True)
for _ in range(3):
    (x * x).backward()

# %%
# Your prediction: x.grad as a float
prediction = None  # e.g. 6.0

# %% tags=["solution"] jupyter={"source_hidden": true}
# backward() adds into .grad, it does not overwrite:
# 3 * (2 * 3) = 18.
prediction = 18.0

# %%
assert prediction == x.grad.item(), f"PyTorch says {x.grad}"
print("Correct:", x.grad)

# %% [markdown]
# ## 2. What `zero_grad()` leaves behind
#
# After a backward pass, the optimizer zeroes the gradients, first with the default arguments, then
# (after another backward pass) with `set_to_none=False`. What is in `model.weight.grad` each time?

# %%
model = nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)

model(torch.ones(1, 2)).sum().backward()
opt.zero_grad()
after_default = model.weight.grad

model(torch.ones(1, 2)).sum().backward()
opt.zero_grad(set_to_none=False)
after_false = model.weight.grad

# %%
# Your prediction: replace each ... with None or a list of lists
prediction = {"zero_grad()": ..., "zero_grad(set_to_none=False)": ...}

# %% tags=["solution"] jupyter={"source_hidden": true}
# Since PyTorch 2.0 the default is set_to_none=True: .grad becomes
# None, not a tensor of zeros. The next backward pass then writes a
# fresh tensor instead of adding to zeros.
prediction = {
    "zero_grad()": None,
    "zero_grad(set_to_none=False)": [[0.0, 0.0]],
}

# %%
def as_list(grad):
    return None if grad is None else grad.tolist()


actual = {
    "zero_grad()": as_list(after_default),
    "zero_grad(set_to_none=False)": as_list(after_false),
}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:")
for key, value in actual.items():
    print(f"  {key}: {value}")

# %% [markdown]
# ## 3. One training step, line by line
#
# One weight `w = 1`, one input `x = 2`, target `6`, loss `(w * x - 6) ** 2`, plain SGD with
# learning rate 0.1. What are `w` and `w.grad` after `backward()`, and `w` after `step()`?

# %%
w = nn.Parameter(torch.tensor(1.0))
opt = torch.optim.SGD([w], lr=0.1)

opt.zero_grad()
loss = (w * 2.0 - 6.0) ** 2
loss.backward()
w_after_backward, grad_after_backward = w.item(), w.grad.item()
opt.step()
w_after_step = w.item()

# %%
# Your prediction: replace each ... with a float
prediction = {
    "w after backward": ...,
    "w.grad after backward": ...,
    "w after step": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# backward() only fills w.grad:
#   d loss / d w = 2 * (w * x - 6) * x = 2 * (-4) * 2 = -16.
# step() changes w:
#   w - lr * grad = 1 - 0.1 * (-16) = 2.6 (to float32 precision).
prediction = {
    "w after backward": 1.0,
    "w.grad after backward": -16.0,
    "w after step": 2.6,
}

# %%
actual = {
    "w after backward": w_after_backward,
    "w.grad after backward": grad_after_backward,
    "w after step": round(w_after_step, 5),
}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:")
for key, value in actual.items():
    print(f"  {key}: {value}")
print("  (w exactly:", w_after_step, "in float32)")

# %% [markdown]
# ## 4. Accumulating over micro-batches
#
# A batch of 4 samples with a mean-reduced loss, split into k = 2 micro-batches of 2.
# Does accumulating `loss / k` give the full-batch gradient? And by what factor is the gradient off
# if you forget `/ k`?

# %%
model = nn.Linear(3, 1)
X, Y = torch.randn(4, 3), torch.randn(4, 1)
mse = nn.MSELoss()
k = 2


def weight_grad():
    g = model.weight.grad.clone()
    model.zero_grad()
    return g


mse(model(X), Y).backward()
full = weight_grad()
for xb, yb in zip(X.split(2), Y.split(2)):
    (mse(model(xb), yb) / k).backward()
with_k = weight_grad()
for xb, yb in zip(X.split(2), Y.split(2)):
    mse(model(xb), yb).backward()
without_k = weight_grad()

# %%
# Your prediction: replace each ...
prediction = {
    "with / k equals full batch": ...,
    "factor without / k": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# Each micro-batch loss is a mean over 2 samples; the full loss is
# the mean over 4, that is the average of the two micro-batch means.
# Summing the means without / k counts everything k = 2 times.
prediction = {
    "with / k equals full batch": True,
    "factor without / k": 2.0,
}

# %%
factor = prediction["factor without / k"]
assert factor is not ..., "write your prediction first"
equal = torch.allclose(with_k, full)
said_equal = prediction["with / k equals full batch"]
assert said_equal == equal, f"PyTorch says {equal}"
right = torch.allclose(without_k, factor * full)
assert right, f"PyTorch says {without_k / full}"
print("Correct:")
print("  full batch: ", full)
print("  with / k:   ", with_k)
print("  without / k:", without_k)

# %% [markdown]
# ## 5. Unequal micro-batches, and a sum-reduced loss
#
# Now 3 samples, split 2 + 1. Which of these three ways of accumulating gives exactly the full-batch
# gradient of the same loss?

# %%
X3, Y3 = X[:3], Y[:3]
sse = nn.MSELoss(reduction="sum")

mse(model(X3), Y3).backward()
full_mean = weight_grad()
for xb, yb in zip(X3.split(2), Y3.split(2)):
    (mse(model(xb), yb) / 2).backward()
mean_div_k = weight_grad()
for xb, yb in zip(X3.split(2), Y3.split(2)):
    (mse(model(xb), yb) * len(xb) / len(X3)).backward()
mean_weighted = weight_grad()

sse(model(X3), Y3).backward()
full_sum = weight_grad()
for xb, yb in zip(X3.split(2), Y3.split(2)):
    sse(model(xb), yb).backward()
sum_plain = weight_grad()

# %%
# Your prediction: replace each ... with True or False
prediction = {
    "mean, each / k": ...,
    "mean, each * size / total": ...,
    "sum, no division": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# With sizes 2 and 1, the average of the two means weights the lone
# sample as much as the pair. Weighting each micro-batch mean by its
# share of the samples fixes it. A sum-reduced loss is already a
# plain sum over samples, so the pieces add up to the whole with no
# division at all.
prediction = {
    "mean, each / k": False,
    "mean, each * size / total": True,
    "sum, no division": True,
}

# %%
actual = {
    "mean, each / k": torch.allclose(mean_div_k, full_mean),
    "mean, each * size / total":
        torch.allclose(mean_weighted, full_mean),
    "sum, no division": torch.allclose(sum_plain, full_sum),
}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:")
for key, value in actual.items():
    print(f"  {key}: {value}")

# %% [markdown]
# ## 6. BatchNorm breaks the equivalence
#
# The same 4 samples and the `/ k` recipe from exercise 4, but the model now has a BatchNorm layer.
# Does accumulating over 2 micro-batches still match the full batch, in training mode and in eval mode?

# %%
model = nn.Sequential(nn.Linear(3, 2), nn.BatchNorm1d(2),
                      nn.Linear(2, 1))


def first_weight_grad():
    g = model[0].weight.grad.clone()
    model.zero_grad()
    return g


def compare() -> bool:
    mse(model(X), Y).backward()
    full = first_weight_grad()
    for xb, yb in zip(X.split(2), Y.split(2)):
        (mse(model(xb), yb) / k).backward()
    return torch.allclose(first_weight_grad(), full)


train_equal = compare()
model.eval()
eval_equal = compare()

# %%
# Your prediction: replace each ... with True or False
prediction = {"training mode": ..., "eval mode": ...}

# %% tags=["solution"] jupyter={"source_hidden": true}
# In training mode BatchNorm normalizes with the statistics of the
# batch it sees: a micro-batch of 2 is normalized differently from
# the full batch of 4, so the function itself differs. In eval mode
# it uses fixed running statistics, each sample is independent
# again, and the recipe works.
prediction = {"training mode": False, "eval mode": True}

# %%
actual = {"training mode": train_equal, "eval mode": eval_equal}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:")
for key, value in actual.items():
    print(f"  {key}: {value}")
