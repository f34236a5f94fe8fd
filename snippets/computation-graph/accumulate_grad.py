# en: A leaf enters the graph through AccumulateGrad; .variable is the leaf.
# zh: 叶子张量经由 AccumulateGrad 接入计算图；它的 .variable 就是这个叶子。
import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
loss = (w * 3).sum()
acc = loss.grad_fn.next_functions[0][0].next_functions[0][0]
print(acc)
print("acc.variable is w:", acc.variable is w)
print("edges out of it:", acc.next_functions)
loss.backward()
print("w.grad:", w.grad)
