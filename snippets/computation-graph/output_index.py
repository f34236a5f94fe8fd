# en: The number in an edge says which output of the next node's forward operation this input was.
# zh: 边里的数字是输出序号：这个输入是下一个节点那次前向运算的第几个输出。
import torch

x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
first, second = x.split(2)
print("one node:", first.grad_fn is second.grad_fn)
y = second * first
print(y.grad_fn.next_functions)
y.sum().backward()  # en: d/d(first) = second, d/d(second) = first # zh: 对 first 求导得 second，对 second 求导得 first
print("x.grad:", x.grad)
