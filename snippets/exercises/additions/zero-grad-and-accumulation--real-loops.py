# %% [markdown] lang="en"
# ## 7. Padding and `ignore_index`
#
# Two micro-batches of 2 sequences each. The labels use -100 (the default `ignore_index` of
# `CrossEntropyLoss`) for padding: the first micro-batch has 5 counted tokens, the second 1.
# Which of three ways of accumulating gives exactly the gradient of the whole batch of 4 sequences?
#
# - each mean loss divided by k = 2;
# - each mean loss multiplied by its own number of counted tokens, divided by the total (6);
# - each sum-reduced loss divided by the total (6).

# %% [markdown] lang="zh"
# ## 7. 填充与 `ignore_index`
#
# 两个微批次，各 2 条序列。标签里的 -100（`CrossEntropyLoss` 的 `ignore_index` 默认值）标记填充位置：
# 第一个微批次有 5 个计入的 token，第二个只有 1 个。下面三种累积方式，哪几种得到的梯度和 4 条序列整批算的完全一样？
#
# - 每份取平均的损失除以 k = 2；
# - 每份取平均的损失乘以它自己计入的 token 数，再除以总数 6；
# - 每份求和的损失除以总数 6。

# %%
import torch
from torch import nn

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
# ## 8. The usual `% k` loop, one epoch
#
# Seven micro-batches, k = 3, and the common loop below: `backward()` on `loss / k` every
# micro-batch, `step()` and `zero_grad()` when `(i + 1) % k == 0`, and the learning-rate scheduler
# stepped once per micro-batch. After the epoch: how many optimizer steps were taken, how many
# scheduler steps, and is there still a gradient in `.grad`?

# %% [markdown] lang="zh"
# ## 8. 常见的 `% k` 循环，跑一个 epoch
#
# 7 个微批次，k = 3，用下面这个常见的循环：每个微批次对 `loss / k` 调用 `backward()`，
# `(i + 1) % k == 0` 时 `step()` 再 `zero_grad()`，学习率调度器每个微批次走一步。
# 一个 epoch 结束后：优化器更新了几次？调度器走了几步？`.grad` 里还有没有梯度？

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

# %% [markdown] lang="en"
# ## 9. Two optimizers, one backward
#
# A GAN-like model: a generator `G`, a discriminator `D`, one optimizer each, and a parameter `scale`
# that no optimizer holds. One backward pass reaches all of them. Then only `opt_d.zero_grad()` runs.
# Which of `G.weight`, `D.weight` and `scale` still have a gradient (not `None`)?

# %% [markdown] lang="zh"
# ## 9. 两个优化器，一次反向传播
#
# 一个类似 GAN 的模型：生成器 `G`、判别器 `D` 各有一个优化器，另有一个参数 `scale` 不归任何优化器管。
# 一次反向传播把它们都走到了。然后只调用 `opt_d.zero_grad()`。`G.weight`、`D.weight` 和 `scale`
# 里，哪些还有梯度（不是 `None`）？

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
