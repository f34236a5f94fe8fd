from torch import nn

layers = [nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8), nn.Linear(8, 4),
          nn.ReLU(), nn.Sigmoid(), nn.PReLU()]
for layer in layers:
    shapes = [f"{n}{tuple(p.shape)}" for n, p in layer.named_parameters()]
    count = sum(p.numel() for p in layer.parameters())
    name = type(layer).__name__
    print(f"{name:<11} {count:>3} | {' '.join(shapes) or '-'}")

bn = layers[1]
print("BatchNorm2d buffers:", [n for n, _ in bn.named_buffers()])
print("any buffer requires grad:", any(b.requires_grad for b in bn.buffers()))
print("all leaves:", all(p.is_leaf and p.requires_grad
                         for layer in layers for p in layer.parameters()))
