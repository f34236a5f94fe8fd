# en: A backward node is an autograd graph Node, not a torch.autograd.Function.
# zh: 反向节点是 autograd 计算图的 Node，不是 torch.autograd.Function。
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
node = x.sigmoid().grad_fn
print(type(node).__name__)
print(isinstance(node, torch.autograd.graph.Node))
print(isinstance(node, torch.autograd.Function))
