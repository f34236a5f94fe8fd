# %% [markdown] lang="en"
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

# %% [markdown] lang="zh"
# # 练习：梯度清零与梯度累积
#
# 每道题先给出一段代码，问你 PyTorch 会怎么做。先在纸上想清楚，然后：
#
# 1. 把答案写进以 `prediction =` 开头的单元格；
# 2. 运行它下面的**检查**单元格：它用 PyTorch 算出真实结果，再和你的答案比对。
#
# 两者之间的**答案**单元格默认折叠，想好了再展开。“全部运行”（Run All）也会运行答案单元格，所以整本 notebook 从头跑到尾，每个检查都会通过。除了 PyTorch（`pip install torch`），什么都不用装。

# %%
import torch
from torch import nn

torch.manual_seed(0)
print(torch.__version__)

# %% [markdown] lang="en"
# ## 1. Three backward passes, no zeroing
#
# Each pass builds a new graph for `x * x` and calls `backward()` on it. What is `x.grad` at the end?

# %% [markdown] lang="zh"
# ## 1. 三次反向传播，中间不清零
#
# 每轮循环都为 `x * x` 新建一张计算图，并调用 `backward()`。最后 `x.grad` 是多少？

# %%
x = torch.tensor(3.0, requires_grad=True)
for _ in range(3):
    (x * x).backward()

# %%
# en: Your prediction: x.grad as a float
# zh: 你的预测：x.grad，写成浮点数
prediction = None  # en: e.g. 6.0 # zh: 例如 6.0

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: backward() adds into .grad, it does not overwrite:
# en: 3 * (2 * 3) = 18.
# zh: backward() 往 .grad 里累加而不覆盖：3 * (2 * 3) = 18。
prediction = 18.0

# %%
assert prediction == x.grad.item(), f"PyTorch says {x.grad}"
print("Correct:", x.grad)

# %% [markdown] lang="en"
# ## 2. What `zero_grad()` leaves behind
#
# After a backward pass, the optimizer zeroes the gradients, first with the default arguments, then
# (after another backward pass) with `set_to_none=False`. What is in `model.weight.grad` each time?

# %% [markdown] lang="zh"
# ## 2. `zero_grad()` 留下了什么
#
# 一次反向传播之后，优化器先用默认参数清零梯度；再做一次反向传播，然后用 `set_to_none=False` 清零。两次清零之后，`model.weight.grad` 里分别是什么？

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
# en: Your prediction: replace each ... with None or a list of lists
# zh: 你的预测：把每个 ... 换成 None 或嵌套列表
prediction = {"zero_grad()": ..., "zero_grad(set_to_none=False)": ...}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: Since PyTorch 2.0 the default is set_to_none=True: .grad becomes
# en: None, not a tensor of zeros. The next backward pass then writes a
# en: fresh tensor instead of adding to zeros.
# zh: 从 PyTorch 2.0 起默认 set_to_none=True：.grad 变成 None，
# zh: 而不是全零张量。下一次反向传播就直接写入一个新张量，
# zh: 不再往零上累加。
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

# %% [markdown] lang="en"
# ## 3. One training step, line by line
#
# One weight `w = 1`, one input `x = 2`, target `6`, loss `(w * x - 6) ** 2`, plain SGD with
# learning rate 0.1. What are `w` and `w.grad` after `backward()`, and `w` after `step()`?

# %% [markdown] lang="zh"
# ## 3. 逐行拆解一个训练步
#
# 一个权重 `w = 1`，一个输入 `x = 2`，目标值 `6`，损失 `(w * x - 6) ** 2`，学习率为 0.1 的普通 SGD。`backward()` 之后 `w` 和 `w.grad` 各是多少？`step()` 之后 `w` 又是多少？

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
# en: Your prediction: replace each ... with a float
# zh: 你的预测：把每个 ... 换成浮点数
prediction = {
    "w after backward": ...,
    "w.grad after backward": ...,
    "w after step": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: backward() only fills w.grad:
# en:   d loss / d w = 2 * (w * x - 6) * x = 2 * (-4) * 2 = -16.
# en: step() changes w:
# en:   w - lr * grad = 1 - 0.1 * (-16) = 2.6 (to float32 precision).
# zh: backward() 只填 w.grad：
# zh:   梯度 d loss / d w = 2 * (w * x - 6) * x = 2 * (-4) * 2 = -16。
# zh: step() 才改 w：
# zh:   新的 w = w - lr * grad = 1 - 0.1 * (-16) = 2.6（float32 精度下）。
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

# %% [markdown] lang="en"
# ## 4. Accumulating over micro-batches
#
# A batch of 4 samples with a mean-reduced loss, split into k = 2 micro-batches of 2.
# Does accumulating `loss / k` give the full-batch gradient? And by what factor is the gradient off
# if you forget `/ k`?

# %% [markdown] lang="zh"
# ## 4. 在微批次上累积梯度
#
# 一个批次 4 个样本，损失按均值归约（mean），拆成 k = 2 个微批次，每个 2 个样本。累积 `loss / k` 得到的梯度，和整批计算的梯度一样吗？如果忘了除以 k，梯度会差几倍？

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
# en: Your prediction: replace each ...
# zh: 你的预测：把每个 ... 换成你的答案
prediction = {
    "with / k equals full batch": ...,
    "factor without / k": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: Each micro-batch loss is a mean over 2 samples; the full loss is
# en: the mean over 4, that is the average of the two micro-batch means.
# en: Summing the means without / k counts everything k = 2 times.
# zh: 每个微批次的损失是 2 个样本的均值；整批的损失是 4 个样本的
# zh: 均值，也就是两个微批次均值的平均。不除以 k 就把均值加起来，
# zh: 每一项都算了 k = 2 次。
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

# %% [markdown] lang="en"
# ## 5. Unequal micro-batches, and a sum-reduced loss
#
# Now 3 samples, split 2 + 1. Which of these three ways of accumulating gives exactly the full-batch
# gradient of the same loss?

# %% [markdown] lang="zh"
# ## 5. 微批次大小不等，以及按求和归约的损失
#
# 现在只有 3 个样本，拆成 2 + 1。下面三种累积方式中，哪些能准确得到同一个损失在整批上的梯度？

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
# en: Your prediction: replace each ... with True or False
# zh: 你的预测：把每个 ... 换成 True 或 False
prediction = {
    "mean, each / k": ...,
    "mean, each * size / total": ...,
    "sum, no division": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: With sizes 2 and 1, the average of the two means weights the lone
# en: sample as much as the pair. Weighting each micro-batch mean by its
# en: share of the samples fixes it. A sum-reduced loss is already a
# en: plain sum over samples, so the pieces add up to the whole with no
# en: division at all.
# zh: 两个微批次大小是 2 和 1，直接平均两个均值，落单的那个样本
# zh: 就和那一对样本一样重。按每个微批次的样本占比给它的均值
# zh: 加权，就对了。按求和归约的损失本来就是对样本直接求和，
# zh: 各部分加起来正好是整体，根本不用除。
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

# %% [markdown] lang="en"
# ## 6. BatchNorm breaks the equivalence
#
# The same 4 samples and the `/ k` recipe from exercise 4, but the model now has a BatchNorm layer.
# Does accumulating over 2 micro-batches still match the full batch, in training mode and in eval mode?

# %% [markdown] lang="zh"
# ## 6. BatchNorm 打破了这种等价
#
# 还是这 4 个样本，还是练习 4 里除以 k 的做法，但模型中多了一个 BatchNorm 层。在训练模式和评估模式下，2 个微批次累积出的梯度还和整批的一致吗？

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
# en: Your prediction: replace each ... with True or False
# zh: 你的预测：把每个 ... 换成 True 或 False
prediction = {"training mode": ..., "eval mode": ...}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: In training mode BatchNorm normalizes with the statistics of the
# en: batch it sees: a micro-batch of 2 is normalized differently from
# en: the full batch of 4, so the function itself differs. In eval mode
# en: it uses fixed running statistics, each sample is independent
# en: again, and the recipe works.
# zh: 训练模式下，BatchNorm 用它看到的那个批次的统计量做归一化：
# zh: 2 个样本的微批次和 4 个样本的整批归一化结果不同，函数本身
# zh: 就变了。评估模式下它用固定的滑动统计量，样本之间又互不
# zh: 相干，这个做法就成立了。
prediction = {"training mode": False, "eval mode": True}

# %%
actual = {"training mode": train_equal, "eval mode": eval_equal}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:")
for key, value in actual.items():
    print(f"  {key}: {value}")
