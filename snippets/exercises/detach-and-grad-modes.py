# %% [markdown] lang="en"
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

# %% [markdown] lang="zh"
# # 练习：detach 与梯度模式
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
# ## 1. `detach()` and `detach_()`
#
# `detach()` returns something new, `detach_()` changes the tensor it is called on. Fill in each value.

# %% [markdown] lang="zh"
# ## 1. `detach()` 与 `detach_()`
#
# `detach()` 返回一个新张量，`detach_()` 则直接修改调用它的那个张量。把每一项填上。

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
z = y.detach()

y2 = x * 2
r = y2.detach_()

# %%
# en: Your prediction: replace each ... with True or False
# zh: 你的预测：把每个 ... 换成 True 或 False
prediction = {
    "z is y": ...,
    "z.requires_grad": ...,
    "z.is_leaf": ...,
    "z shares y's memory": ...,
    "r is y2": ...,
    "y2.requires_grad": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: detach() returns a new tensor, cut from the graph (so a leaf that
# en: does not require grad), viewing the same memory. detach_() cuts y2
# en: itself from the graph and returns it.
# zh: detach() 返回一个新张量：它不在图上（所以是不需要梯度的
# zh: 叶子张量），和 y 共用同一块内存。detach_() 把 y2 本身
# zh: 从图上分离出来，再把它返回。
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

# %% [markdown] lang="en"
# ## 2. Changing a detached tensor in place
#
# `exp` saves its result, because the derivative of exp(x) is exp(x). What does `y` hold after
# `d[:] = 0.0`, and does `y.sum().backward()` still work?

# %% [markdown] lang="zh"
# ## 2. 原地修改分离出的张量
#
# `exp` 会保存自己的计算结果，因为 `exp(x)` 的导数就是 `exp(x)`。执行 `d[:] = 0.0` 之后，`y` 里是什么？`y.sum().backward()` 还能正常运行吗？

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x.exp()
d = y.detach()
d[:] = 0.0  # en: writes into d's memory, in place # zh: 原地写入 d 的内存

# %%
# en: Your prediction: replace each ...
# zh: 你的预测：把每个 ... 换成你的答案
prediction = {"y as a list": ..., "backward raises": ...}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: d and y share memory, so y is zeroed too. Every tensor counts its
# en: in-place changes (its version); backward sees that the saved
# en: result of exp changed since it was saved, and refuses.
# zh: d 和 y 共用内存，所以 y 也被清零了。每个张量都给自己的
# zh: 原地修改计数（版本计数器）；反向传播发现 exp 保存的结果
# zh: 在保存之后被改过，于是拒绝执行。
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

# %% [markdown] lang="en"
# The error, in full:

# %% [markdown] lang="zh"
# 完整的报错如下：

# %% tags=["raises-exception"]
y.sum().backward()

# %% [markdown] lang="en"
# ## 3. Train only the second layer
#
# The output of `layer1` is detached before it goes into `layer2`. After `backward()`, which
# parameters still have `.grad == None`?

# %% [markdown] lang="zh"
# ## 3. 只训练第二层
#
# `layer1` 的输出先 detach，再送进 `layer2`。`backward()` 之后，哪些参数的 `.grad` 仍然是 `None`？

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
# en: Your prediction: the set of parameter names whose .grad is None
# zh: 你的预测：哪些参数的 .grad 是 None（写成参数名的集合）
prediction = None  # en: e.g. {"layer2.bias"} # zh: 例如 {"layer2.bias"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: The backward pass stops at the detached tensor: layer1's
# en: parameters are never reached.
# zh: 反向传播到分离出的张量就停了，根本到不了 layer1 的参数。
prediction = {"layer1.weight", "layer1.bias"}

# %%
actual = {name for name, p in params.items() if p.grad is None}
assert prediction == actual, f"PyTorch says {sorted(actual)}"
print("Correct:", sorted(actual))
print("layer2.weight.grad:", params["layer2.weight"].grad)

# %% [markdown] lang="en"
# ## 4. Grad modes and how they end
#
# `x` requires grad. Which results require grad? Careful with `e`: inside `no_grad`,
# `torch.set_grad_enabled(True)` is called as a function. And is grad mode on after that block?

# %% [markdown] lang="zh"
# ## 4. 梯度模式，以及退出代码块之后
#
# `x` 需要梯度。下面哪些结果需要梯度？注意 `e`：在 `no_grad` 代码块里，`torch.set_grad_enabled(True)` 是当作函数调用的。离开那个代码块之后，梯度模式是开着的吗？

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
# en: Your prediction: replace each ... with True or False
# zh: 你的预测：把每个 ... 换成 True 或 False
prediction = {
    "a": ..., "b": ..., "c": ..., "d": ..., "e": ...,
    "grad mode after": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: Inside no_grad, set_grad_enabled(False) and inference_mode nothing
# en: is recorded. Calling set_grad_enabled(True) switches recording
# en: back on at once; leaving a with-block restores the mode it found
# en: on entry (on).
# zh: 在 no_grad、set_grad_enabled(False) 和 inference_mode 里，
# zh: 什么都不记录。调用 set_grad_enabled(True) 会立刻重新打开
# zh: 记录；离开 with 代码块时，梯度模式恢复成进入时的样子
# zh: （开启）。
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

# %% [markdown] lang="en"
# `c` was made under `inference_mode`: it is an inference tensor, and autograd refuses to save it for a later
# backward pass. `no_grad` results such as `a` have no such limit.

# %% [markdown] lang="zh"
# `c` 是在 `inference_mode` 下算出来的，属于推理张量（inference tensor），autograd 不允许把它保存下来留给之后的反向传播。`no_grad` 下得到的结果（比如 `a`）没有这个限制。

# %% tags=["raises-exception"]
(c * x).sum()

# %% [markdown] lang="en"
# ## 5. `model.eval()` or `torch.no_grad()`?
#
# The model ends with dropout. Case A calls `model.eval()`; case B keeps training mode but runs under
# `no_grad`. In each case: does the output require grad, and do two calls on the same input agree?

# %% [markdown] lang="zh"
# ## 5. `model.eval()` 还是 `torch.no_grad()`？
#
# 模型的最后一层是 dropout。情形 A 调用 `model.eval()`；情形 B 保持训练模式，但在 `no_grad` 下运行。两种情形下，输出需要梯度吗？对同一个输入调用两次，结果一样吗？

# %%
# en: 64 outputs, so that two random dropout masks cannot coincide
# zh: 取 64 个输出，两次随机的 dropout 掩码就不会碰巧相同
model = nn.Sequential(nn.Linear(8, 64), nn.Dropout(p=0.5))
inputs = torch.ones(1, 8)

model.eval()
a1, a2 = model(inputs), model(inputs)

model.train()
with torch.no_grad():
    b1, b2 = model(inputs), model(inputs)

# %%
# en: Your prediction: replace each ... with True or False
# zh: 你的预测：把每个 ... 换成 True 或 False
prediction = {
    "A requires grad": ...,
    "A calls agree": ...,
    "B requires grad": ...,
    "B calls agree": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: eval() changes how layers behave (dropout off, BatchNorm uses
# en: running stats) but records as usual. no_grad stops recording but
# en: leaves dropout on. For inference, use both.
# zh: eval() 改变层的行为（关掉 dropout，BatchNorm 改用滑动统计量），
# zh: 但照常记录。no_grad 停止记录，却不关 dropout。
# zh: 推理时两个都要用。
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

# %% [markdown] lang="en"
# ## 6. Clipping a weight through `.data`
#
# A training loop clips its weights between the forward pass and `backward()`, a common slip.
# `y = x ** 2` saves `x` for its gradient, `2 * x`. Then `x` is multiplied by 3 in place, once
# through `x.data` and once through `x.detach()`. For each way, what does `y.sum().backward()` do?
# Answer with the list that ends up in `x.grad`, or with the string `"error"` if `backward()` raises.

# %% [markdown] lang="zh"
# ## 6. 通过 `.data` 裁剪权重
#
# 训练循环在前向传播和 `backward()` 之间裁剪权重，这是很常见的疏忽。`y = x ** 2` 为了算梯度 `2 * x` 保存了 `x`。接着把 `x` 原地乘以 3：一次通过 `x.data`，一次通过 `x.detach()`。两种写法下，`y.sum().backward()` 各会怎样？回答 `x.grad` 最终的列表；如果 `backward()` 报错，就回答字符串 `"error"`。

# %%
def run(write):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x ** 2
    write(x)  # en: changes x in place after the forward pass # zh: 前向传播之后原地修改 x
    try:
        y.sum().backward()
    except RuntimeError as error:
        print(type(error).__name__ + ":", str(error)[:100], "...")
        return "error"
    return x.grad.tolist()

# %%
# en: Your prediction: a dict with the result of each way
# zh: 你的预测：一个字典，写出每种写法的结果
prediction = None  # en: e.g. {"data": [2.0, 4.0], "detach": "error"} # zh: 例如 {"data": [2.0, 4.0], "detach": "error"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: x.data shares the storage of x but not its version counter: the write goes unseen,
# en: and the backward pass uses the new x = [3, 6]: 2 * x = [6, 12], three times too big.
# en: x.detach() shares the version counter too: the write moves it from 0 to 1, and
# en: backward() refuses to use the changed saved tensor.
# zh: x.data 和 x 共用存储，却不共用版本计数器：这次写入没人察觉，反向传播用的是新的 x = [3, 6]，
# zh: 算出 2 * x = [6, 12]，是正确值的 3 倍。
# zh: x.detach() 连版本计数器也共用：写入让它从 0 变成 1，backward() 拒绝使用被改过的保存的张量。
prediction = {"data": [6.0, 12.0], "detach": "error"}

# %%
actual = {
    "data": run(lambda x: x.data.mul_(3)),
    "detach": run(lambda x: x.detach().mul_(3)),
}
assert prediction == actual, f"PyTorch gives {actual}"
print("Correct:", actual, "(the right gradient is [2.0, 4.0])")

# %% [markdown] lang="en"
# ## 7. Freeze a middle layer
#
# A four-layer model. Layer 2 is frozen with `requires_grad_(False)`; in the other model, the output of
# layer 2 is detached instead. After one backward pass each, which layers (by index) have gradients?

# %% [markdown] lang="zh"
# ## 7. 冻结中间一层
#
# 一个四层模型。第一个模型用 `requires_grad_(False)` 冻结第 2 层；第二个模型改为把第 2 层的输出 detach。各做一次反向传播之后，哪几层（按序号）有梯度？

# %%
torch.manual_seed(0)
x = torch.randn(3, 2)
frozen = nn.Sequential(*[nn.Linear(2, 2) for _ in range(4)])
cut = nn.Sequential(*[nn.Linear(2, 2) for _ in range(4)])

frozen[2].requires_grad_(False)
frozen(x).sum().backward()

h = cut[2](cut[1](cut[0](x))).detach()
cut[3](h).sum().backward()

# %%
# en: Your prediction: the set of layer indices with a gradient, for each model
# zh: 你的预测：每个模型中有梯度的层的序号集合
prediction = None  # en: e.g. {"frozen": {0, 1}, "cut": {3}} # zh: 例如 {"frozen": {0, 1}, "cut": {3}}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: requires_grad_(False) switches off the flag of layer 2's parameters
# en: only: the backward pass still goes through layer 2 to layers 0 and 1.
# en: detach() stops every gradient at h, so layers 0, 1 and 2 get none.
# zh: requires_grad_(False) 只关掉第 2 层参数的开关，反向传播仍然穿过第 2 层，
# zh: 到达第 0、1 层。detach() 把所有梯度都拦在 h 处，第 0、1、2 层都拿不到梯度。
prediction = {"frozen": {0, 1, 3}, "cut": {3}}

# %%
actual = {
    name: {i for i, layer in enumerate(model) if layer.weight.grad is not None}
    for name, model in [("frozen", frozen), ("cut", cut)]
}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)

# %% [markdown] lang="en"
# ## 8. How many tensors does the forward pass save?
#
# `f` computes `(x * w).exp().sum()`. Count the tensors autograd saves for the backward pass, first when only
# `w` requires grad, then when `x` and `w` both do. The check counts them with `saved_tensors_hooks`.

# %% [markdown] lang="zh"
# ## 8. 前向传播保存了几个张量？
#
# `f` 计算 `(x * w).exp().sum()`。数一数 autograd 为反向传播保存了几个张量：先是只有 `w` 需要梯度，再是 `x` 和 `w` 都需要梯度。检查单元格用 `saved_tensors_hooks` 来数。

# %%
def f(x, w):
    return (x * w).exp().sum()


def count_saved(x, w):
    saved = []

    def pack(t):
        saved.append(t)
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
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
# zh: 反向节点只保存求导公式对需要梯度的那些输入用得上的值。d(x*w)/dw = x：
# zh: 只有 w 需要梯度时，乘法只保存 x；两者都需要时，还要保存 w。exp 保存
# zh: 它的输出（d exp(a)/da = exp(a)）。sum 只要形状，不用保存张量。
# zh: 所以是 1 + 1 = 2，然后 2 + 1 = 3。
prediction = (2, 3)

# %%
x, w = torch.randn(3), torch.randn(3, requires_grad=True)
actual = (count_saved(x, w), count_saved(x.requires_grad_(), w))
assert prediction == actual, f"PyTorch says {actual}"
print("Correct: saved tensors", actual)
