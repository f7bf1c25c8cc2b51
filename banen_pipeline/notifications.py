"""Telling someone: a failed run or a rejected delivery sends a message to the configured receiver,
an HTTP webhook (a JSON POST) or e-mail over SMTP. Off unless configured (BANEN_NOTIFY_WEBHOOK, or
BANEN_NOTIFY_SMTP with BANEN_NOTIFY_TO); the run status sensors in ``defs/sensors.py`` call it."""

from __future__ import annotations

import json
import smtplib
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage

TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Message:
    onderwerp: str
    tekst: str
    run_id: str
    soort: str
    """run_mislukt or levering_afgewezen."""
    details: list[str]


@dataclass(frozen=True)
class Notifier:
    webhook: str | None = None
    """URL that receives each message as JSON (POST)."""
    smtp: str | None = None
    """``host`` or ``host:port`` of an SMTP server (no login, no TLS: a relay on the local network)."""
    to: str | None = None
    sender: str = "banen@localhost"

    @property
    def enabled(self) -> bool:
        return bool(self.webhook or (self.smtp and self.to))

    def send(self, message: Message) -> list[str]:
        """Send to every configured receiver; return where it went."""
        sent = []
        if self.webhook:
            body = json.dumps(message.__dict__).encode()
            request = urllib.request.Request(
                self.webhook, data=body, headers={"Content-Type": "application/json"}, method="POST"
            )
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                response.read()
            sent.append(self.webhook)
        if self.smtp and self.to:
            host, _, port = self.smtp.partition(":")
            email = EmailMessage()
            email["Subject"], email["From"], email["To"] = message.onderwerp, self.sender, self.to
            email.set_content("\n".join([message.tekst, "", *message.details, "", f"run {message.run_id}"]))
            with smtplib.SMTP(host, int(port or 25), timeout=TIMEOUT_S) as server:
                server.send_message(email)
            sent.append(f"smtp://{self.smtp} to {self.to}")
        return sent
