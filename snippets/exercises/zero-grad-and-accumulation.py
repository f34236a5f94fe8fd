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

# %% [markdown] lang="en"
# ## 7. Two optimizers, one backward
#
# A GAN-like model: a generator `G`, a discriminator `D`, one optimizer each, and a parameter `scale`
# that no optimizer holds. One backward pass reaches all of them. Then only `opt_d.zero_grad()` runs.
# Which of `G.weight`, `D.weight` and `scale` still have a gradient (not `None`)?

# %% [markdown] lang="zh"
# ## 7. 两个优化器，一次反向传播
#
# 一个类似 GAN 的模型：生成器 `G`、判别器 `D` 各有一个优化器，另有一个参数 `scale` 不归任何优化器管。一次反向传播把它们都走到了。然后只调用 `opt_d.zero_grad()`。`G.weight`、`D.weight` 和 `scale` 里，哪些还有梯度（不是 `None`）？

# %%
G, D = nn.Linear(2, 2), nn.Linear(2, 1)
scale = nn.Parameter(torch.tensor(2.0))
opt_g = torch.optim.SGD(G.parameters(), lr=0.1)
opt_d = torch.optim.SGD(D.parameters(), lr=0.1)

(D(G(torch.randn(4, 2))).mean() * scale).backward()
opt_d.zero_grad()

# %%
# en: Your prediction: replace each ... with True (has a gradient) or False
# zh: 你的预测：把每个 ... 换成 True（有梯度）或 False
prediction = {"G.weight": ..., "D.weight": ..., "scale": ...}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: An optimizer's zero_grad() clears only the parameters it holds:
# en: here D's. G still holds the gradient of this pass, and scale,
# en: in no optimizer, would keep adding up pass after pass.
# en: A zero_grad() on a module that holds all three would clear them all.
# zh: 优化器的 zero_grad() 只清它自己管的参数，这里就是 D 的。
# zh: G 还留着这一遍的梯度；scale 不归任何优化器管，会一遍一遍累加下去。
# zh: 在包含这三者的模块上调用 zero_grad()，才会全部清掉。
prediction = {"G.weight": True, "D.weight": False, "scale": True}

# %%
actual = {
    "G.weight": G.weight.grad is not None,
    "D.weight": D.weight.grad is not None,
    "scale": scale.grad is not None,
}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:")
for key, value in actual.items():
    print(f"  {key}: {value}")

# %% [markdown] lang="en"
# ## 8. Padding and `ignore_index`
#
# Two micro-batches of 2 sequences each. The labels use -100 (the default `ignore_index` of
# `CrossEntropyLoss`) for padding: the first micro-batch has 5 counted tokens, the second 1.
# Which of three ways of accumulating gives exactly the gradient of the whole batch of 4 sequences?
#
# - each mean loss divided by k = 2;
# - each mean loss multiplied by its own number of counted tokens, divided by the total (6);
# - each sum-reduced loss divided by the total (6).

# %% [markdown] lang="zh"
# ## 8. 填充与 `ignore_index`
#
# 两个微批次，各 2 条序列。标签里的 -100（`CrossEntropyLoss` 的 `ignore_index` 默认值）标记填充位置：第一个微批次有 5 个计入的 token，第二个只有 1 个。下面三种累积方式，哪几种得到的梯度和 4 条序列整批算的完全一样？
#
# - 每份取平均的损失除以 k = 2；
# - 每份取平均的损失乘以它自己计入的 token 数，再除以总数 6；
# - 每份求和的损失除以总数 6。

# %%
torch.manual_seed(0)
P = -100  # en: padding label # zh: 填充位置的标签
tokens = torch.tensor([[1, 2, 0],
                       [2, 1, P],
                       [0, P, P],
                       [P, P, P]])
feats = torch.randn(4, 3, 2)
lm = nn.Linear(2, 3)
ce_mean = nn.CrossEntropyLoss()
ce_sum = nn.CrossEntropyLoss(reduction="sum")


def token_loss(fn, f, t):
    return fn(lm(f).flatten(0, 1), t.flatten())


def lm_grad():
    g = lm.weight.grad.clone()
    lm.zero_grad()
    return g


pieces = list(zip(feats.chunk(2), tokens.chunk(2)))
total = (tokens != P).sum().item()

token_loss(ce_mean, feats, tokens).backward()
whole = lm_grad()
for f, t in pieces:
    (token_loss(ce_mean, f, t) / 2).backward()
mean_div_k = lm_grad()
for f, t in pieces:
    (token_loss(ce_mean, f, t) * (t != P).sum() / total).backward()
mean_weighted = lm_grad()
for f, t in pieces:
    (token_loss(ce_sum, f, t) / total).backward()
sum_div_total = lm_grad()

# %%
# en: Your prediction: replace each ... with True or False
# zh: 你的预测：把每个 ... 换成 True 或 False
prediction = {
    "mean / k": ...,
    "mean * own tokens / total": ...,
    "sum / total": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: Each mean divides by its own count (5 and 1). After / k the lone
# en: token of the second micro-batch weighs 1/2 and each of the first
# en: 1/10, instead of 1/6 for all. Multiplying a mean by its own count
# en: gives back its sum, so the last two are the same thing: the sum
# en: over all counted tokens divided by 6, which is the whole batch.
# zh: 每份平均值除的是自己的计数（5 和 1）。除以 k 之后，第二个微批次里
# zh: 那唯一一个 token 的权重是 1/2，第一个里每个 token 是 1/10，
# zh: 而本该都是 1/6。平均值乘以它自己的计数就变回了和，所以后两种
# zh: 其实是同一件事：所有计入 token 的损失之和除以 6，正是整批的损失。
prediction = {
    "mean / k": False,
    "mean * own tokens / total": True,
    "sum / total": True,
}

# %%
actual = {
    "mean / k": torch.allclose(mean_div_k, whole),
    "mean * own tokens / total": torch.allclose(mean_weighted, whole),
    "sum / total": torch.allclose(sum_div_total, whole),
}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", [(t != P).sum().item() for _, t in pieces], "counted tokens")
for key, value in actual.items():
    print(f"  {key}: {value}")

# %% [markdown] lang="en"
# ## 9. The usual `% k` loop, one epoch
#
# Seven micro-batches, k = 3, and the common loop below: `backward()` on `loss / k` every
# micro-batch, `step()` and `zero_grad()` when `(i + 1) % k == 0`, and the learning-rate scheduler
# stepped once per micro-batch. After the epoch: how many optimizer steps were taken, how many
# scheduler steps, and is there still a gradient in `.grad`?

# %% [markdown] lang="zh"
# ## 9. 常见的 `% k` 循环，跑一个 epoch
#
# 7 个微批次，k = 3，用下面这个常见的循环：每个微批次对 `loss / k` 调用 `backward()`，`(i + 1) % k == 0` 时 `step()` 再 `zero_grad()`，学习率调度器每个微批次走一步。一个 epoch 结束后：优化器更新了几次？调度器走了几步？`.grad` 里还有没有梯度？

# %%
import warnings

micro = [(torch.randn(2, 3), torch.randn(2, 1)) for _ in range(7)]
k = 3
net = nn.Linear(3, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
updates = []
opt.register_step_post_hook(lambda *args: updates.append(1))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # en: the order warning is not the point here # zh: 这里不关心那条顺序警告
    for i, (xb, yb) in enumerate(micro):
        (nn.functional.mse_loss(net(xb), yb) / k).backward()
        if (i + 1) % k == 0:
            opt.step()
            opt.zero_grad()
        sched.step()

# %%
# en: Your prediction: replace each ...
# zh: 你的预测：把每个 ... 换掉
prediction = {
    "optimizer steps": ...,  # en: an int # zh: 整数
    "scheduler steps": ...,  # en: an int # zh: 整数
    "gradient left in .grad": ...,  # en: True or False # zh: True 或 False
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: (i + 1) % 3 == 0 holds for i = 2 and i = 5 only: two steps. The
# en: seventh micro-batch never reaches a step, so its gradient stays
# en: in .grad (the loop clears only after a step). The scheduler ran
# en: once per micro-batch: 7 steps for 2 updates, its rate halved 7
# en: times instead of 2. Fix: step it with the optimizer, and flush the
# en: last window with "or i + 1 == len(micro)", dividing it by 1.
# zh: (i + 1) % 3 == 0 只在 i = 2 和 i = 5 时成立：更新两次。第 7 个
# zh: 微批次等不到更新，它的梯度留在 .grad 里（这个循环只在更新之后
# zh: 清零）。调度器每个微批次走一步：2 次更新走了 7 步，学习率减半了
# zh: 7 次而不是 2 次。改法：调度器跟着优化器走；最后一个窗口加上
# zh: “or i + 1 == len(micro)”也更新，并且只除以 1。
prediction = {
    "optimizer steps": 2,
    "scheduler steps": 7,
    "gradient left in .grad": True,
}

# %%
actual = {
    "optimizer steps": len(updates),
    "scheduler steps": sched.last_epoch,
    "gradient left in .grad": net.weight.grad is not None,
}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:")
for key, value in actual.items():
    print(f"  {key}: {value}")
print("  lr:", sched.get_last_lr()[0])
