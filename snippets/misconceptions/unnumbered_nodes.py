import torch


class Double(torch.autograd.Function):
    @staticmethod
    def forward(ctx, t):
        return t * 2

    @staticmethod
    def backward(ctx, grad):
        return grad * 2


x = torch.ones(3, requires_grad=True)
y = x * 1
print("from derivatives.yaml:", type(y.grad_fn).__name__)
print("a leaf's node:        ", type(y.grad_fn.next_functions[0][0]).__name__)
y[0] = 5.0  # en: an in-place write into a view of y # zh: 原地写入 y 的一个视图
print("in-place into a view: ", type(y.grad_fn).__name__)
print("your own Function:    ", type(Double.apply(x).grad_fn).__name__)
