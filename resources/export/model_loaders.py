def load_weights(net, path=WEIGHTS_FILE):
    """Copies the arrays of an .npz file (written by Neurite or by save_weights) into `net`.

    Every parameter and BatchNorm running statistic must be there; BatchNorm's num_batches_tracked counter
    (which Neurite does not keep) may be missing.
    """
    with np.load(path) as arrays:
        state = {name: torch.from_numpy(np.array(arrays[name])) for name in arrays.files}
    for name, value in net.state_dict().items():
        if name.endswith(".num_batches_tracked"):
            state.setdefault(name, value)  # a counter Neurite does not keep
    net.load_state_dict(state)
    return net


def save_weights(net, path):
    """Writes `net`'s parameters and running statistics as an .npz file in the layout load_weights reads."""
    state = {name: value.detach().cpu().numpy() for name, value in net.state_dict().items()
             if not name.endswith(".num_batches_tracked")}
    np.savez(path, **state)


def load(path=WEIGHTS_FILE):
    """A NeuriteNet with the weights of `path`, in eval mode."""
    return load_weights(NeuriteNet(), path).eval()
