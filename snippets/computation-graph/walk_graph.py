# en: Print the backward graph under a tensor by following next_functions.
# zh: 顺着 next_functions 往下走，把一个张量背后的计算图打印出来。
import torch


def show(node, names, depth=0):
    label = type(node).__name__ if node is not None else "None"
    if hasattr(node, "variable"):  # en: AccumulateGrad: say which leaf it feeds # zh: AccumulateGrad：标出它对应哪个叶子
        label += " -> " + names[id(node.variable)]
    print("    " * depth + label)
    for child, _ in getattr(node, "next_functions", ()):
        show(child, names, depth + 1)


x = torch.tensor([1.0, 2.0])  # en: input data: no gradient wanted # zh: 输入数据：不需要梯度
w = torch.tensor([0.5, -1.0], requires_grad=True)
b = torch.tensor(0.1, requires_grad=True)
loss = (w * x + b).sigmoid().sum()
show(loss.grad_fn, {id(w): "w", id(b): "b"})
