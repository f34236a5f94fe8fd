import torch

w = torch.tensor(1.0, requires_grad=True)
a = w * 2
acc = a.grad_fn.next_functions[0][0]
acc.register_prehook(lambda grads: print("  the node of a's graph runs"))
del acc

print("graph of a alive, backward of w * 3:")
(w * 3).backward()  # en: reuses the node that a's graph holds # zh: 沿用 a 的图里的那个节点
del a
print("graph of a gone, backward of w * 4:")
(w * 4).backward()  # en: a new AccumulateGrad, without the hook # zh: 新建的 AccumulateGrad，没有钩子
print("w.grad:", w.grad)
