import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
a, b = x.unbind()  # en: one node, two outputs: a is output 0, b is output 1 # zh: 一个节点，两个输出：a 是输出 0，b 是输出 1
print((b * a).grad_fn.next_functions)
w = torch.tensor([3.0, 4.0])  # en: needs no grad: no node, only None # zh: 不需要梯度：没有节点，只有 None
y1, y2 = x * w, x * 3
print(y1.grad_fn.next_functions)
# en: one AccumulateGrad per leaf, however many times the leaf is used
# zh: 每个叶子只有一个 AccumulateGrad，不管它被用了几次
print(y1.grad_fn.next_functions[0][0] is y2.grad_fn.next_functions[0][0])
