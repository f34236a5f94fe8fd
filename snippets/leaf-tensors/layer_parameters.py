from torch import nn

layers = [nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8), nn.Linear(8, 4),
          nn.ReLU(), nn.Sigmoid()]
for layer in layers:
    params = [f"{n}{tuple(p.shape)}" for n, p in layer.named_parameters()]
    count = sum(p.numel() for p in layer.parameters())
    print(f"{type(layer).__name__:<11} {count:>3} | {' '.join(params) or '-'}")

bn = layers[1]
print("BatchNorm2d buffers:", [n for n, _ in bn.named_buffers()])
print("all leaves:", all(p.is_leaf and p.requires_grad
                         for layer in layers for p in layer.parameters()))
