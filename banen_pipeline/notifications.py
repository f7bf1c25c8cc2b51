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


def _one_line(text: str) -> str:
    """A header or subject line: control characters (CR, LF, ...) become spaces, so no value a
    delivery carries can add a mail header."""
    return "".join(" " if ord(c) < 32 or ord(c) == 127 else c for c in text)


def failure_message(run_id: str, origin: str, causes: list[str]) -> Message:
    """A failed run: each failed step with its cause (``failures.Failure.line``)."""
    return Message(
        onderwerp=f"banen: run failed ({origin})",
        tekst=f"Run {run_id} ({origin}) failed: " + ("; ".join(causes) or "see the run's events"),
        run_id=run_id,
        soort="run_mislukt",
        details=causes,
    )


def rejection_message(run_id: str, origin: str, reasons: list[str]) -> Message:
    """A run that rejected deliveries: each with its reason (file, place, rule)."""
    return Message(
        onderwerp=f"banen: {len(reasons)} delivery(ies) rejected",
        tekst=f"Run {run_id} ({origin}) rejected {len(reasons)} delivery(ies); nothing of them was loaded.",
        run_id=run_id,
        soort="levering_afgewezen",
        details=reasons,
    )


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

    def email(self, message: Message) -> EmailMessage:
        """The mail of ``message``: its headers one line each, whatever the values hold."""
        email = EmailMessage()
        email["Subject"] = _one_line(message.onderwerp)
        email["From"], email["To"] = _one_line(self.sender), _one_line(self.to or "")
        email.set_content("\n".join([message.tekst, "", *message.details, "", f"run {message.run_id}"]))
        return email

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
            with smtplib.SMTP(host, int(port or 25), timeout=TIMEOUT_S) as server:
                server.send_message(self.email(message))
            sent.append(f"smtp://{self.smtp} to {self.to}")
        return sent
