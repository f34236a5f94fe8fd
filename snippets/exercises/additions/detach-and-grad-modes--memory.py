# %% [markdown] lang="en"
# ## N. How many tensors does the forward pass save?
#
# `f` computes `(x * w).exp().sum()`. Count the tensors autograd saves for the backward pass, first when only
# `w` requires grad, then when `x` and `w` both do. The check counts them with `saved_tensors_hooks`.

# %% [markdown] lang="zh"
# ## N. 前向传播保存了几个张量？
#
# `f` 计算 `(x * w).exp().sum()`。数一数 autograd 为反向传播保存了几个张量：先是只有 `w` 需要梯度，
# 再是 `x` 和 `w` 都需要梯度。检查单元用 `saved_tensors_hooks` 来数。

# %%
import torch


def f(x, w):
    return (x * w).exp().sum()


def count_saved(x, w):
    saved = []
    with torch.autograd.graph.saved_tensors_hooks(lambda t: saved.append(t) or t, lambda t: t):
        f(x, w)
    return len(saved)


# %%
# en: Your prediction: (only w requires grad, both require grad)
# zh: 你的预测：（只有 w 需要梯度，两者都需要梯度）
prediction = None  # en: e.g. (1, 2) # zh: 例如 (1, 2)

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: A node saves only what its derivative formula needs for the inputs
# en: that require grad. d(x*w)/dw = x: with only w, mul saves x; with
# en: both it also saves w. exp saves its output (d exp(a)/da = exp(a)).
# en: sum needs only the shape, no tensor. So 1 + 1 = 2, then 2 + 1 = 3.
# zh: 节点只保存求导公式对需要梯度的那些输入用得上的值。d(x*w)/dw = x：
# zh: 只有 w 需要梯度时，乘法只保存 x；两者都需要时，还要保存 w。exp 保存
# zh: 它的输出（d exp(a)/da = exp(a)）。sum 只要形状，不用保存张量。
# zh: 所以是 1 + 1 = 2，然后 2 + 1 = 3。
prediction = (2, 3)

# %%
x, w = torch.randn(3), torch.randn(3, requires_grad=True)
actual = (count_saved(x, w), count_saved(x.requires_grad_(), w))
assert prediction == actual, f"PyTorch says {actual}"
print("Correct: saved tensors", actual)
