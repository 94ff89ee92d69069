"""An `ask` for the session service that gives prepared answers in order and keeps the questions it was asked."""

from __future__ import annotations

from desktop.services.session.questions import Answer, Question


class Script:
    """An `ask` that gives the answers it was given, in order, and keeps the questions."""

    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.questions: list[Question] = []

    def __call__(self, question: Question) -> Answer:
        self.questions.append(question)
        return self.answers.pop(0)
