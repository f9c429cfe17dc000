"""mailq_smtp: a loopback SMTP server (Debian's aiosmtpd) for the mail queue's tests and bench, run as
`python3 mailq_smtp.py PORT MAILDIR MODE`. MODE: "store" keeps every message in MAILDIR (new/), "sink"
discards them (the bench), "defer" answers 451 to each address's first RCPT, then accepts. In every mode an
address whose local part starts with "refuse" gets 550 5.1.1 to its RCPT, and a message to one starting with
"spam" is refused after its DATA (554 5.7.1: its content, not its recipient)."""
import mailbox
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, maildir, mode):
        self.box = mailbox.Maildir(maildir, create=True) if mode != "sink" else None
        self.mode = mode
        self.deferred = set()
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("refuse"):
            return "550 5.1.1 <%s>: Recipient address rejected: no such user" % address
        if self.mode == "defer":
            with self.lock:
                first = address not in self.deferred
                self.deferred.add(address)
            if first:
                return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if any(a.lower().startswith("spam") for a in envelope.rcpt_tos):
            return "554 5.7.1 message refused as spam"
        if self.box is not None:
            with self.lock:
                self.box.add(envelope.original_content or envelope.content)
        return "250 OK queued"


def main():
    port, maildir, mode = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    controller = Controller(Handler(maildir, mode), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    controller.stop()


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    main()
