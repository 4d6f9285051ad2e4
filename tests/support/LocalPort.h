// A free TCP port for tests that start servers (torch.distributed's rendezvous and stores).
#pragma once

namespace neurite::test {

// A TCP port on 127.0.0.1 that nothing listens on now (the kernel picks it); 0 when none can be had.
int freeLocalPort();

} // namespace neurite::test
