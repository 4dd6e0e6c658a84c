"""What deleting an account does to the journal beyond the database's cascades.

accounts.deletion sends `account_deleting` for each couple the person has been in, inside
that couple's `couple_change` and the deletion's transaction; `erase_words_of` (connected
in PracticesConfig.ready) then removes every field the person wrote in a row that would
survive them. Kind by kind, in the order of practices.models:

- Note: the person's own go (author, CASCADE). The partner's notes to them stay, with the
  recipient empty (SET_NULL): those are the partner's words.
- Reaction, Star, AffectionDay, PracticeLog, ReminderSent: theirs, by CASCADE.
- Plan: stays, title, place and description included. Both partners make and edit a plan
  and nothing records who typed which field; it is the shared record of their time
  together, and the partner keeps it. `created_by` / `updated_by` become "former partner".
- Reflection: theirs, by CASCADE. The partner's reflection on the same plan stays.
- CustomIdea: deleted here. One person writes an idea and nobody edits it, so its title
  and description are that person's words alone; SET_NULL would keep them.
- DailyQuestion: their answers go by CASCADE. A day only they answered would be left as an
  empty question on the partner's timeline: its pin (and timeline entry) goes here.
- CustomQuestion: theirs go by CASCADE (author), and with them the days they were asked on,
  the partner's answers included: an answer to a question that is gone says nothing alone.
- AnswerReply: theirs go by CASCADE; the partner's replies on their answers go here.
- ProgramRun stays (`started_by` empty); their ProgramSteps go by CASCADE.
- Exchange: one they listened to and wrote is theirs (listener, CASCADE). On one where
  they were the speaker, the listener's words stay and their answer goes here: the choice
  ("yes, that's it"), what they added, and when.
- CheckIn: theirs go by CASCADE. On the partner's check-in their reply goes here: a
  check-in has no replier field, because only the member who is not its author may reply
  (practices.views.practices.check_in_reply).

The other way round, the partner's replies to the person's own check-ins, reflect-backs
and answers go with the rows they answer: a reply to words that are gone says nothing alone, and the
partner is told so (templates/accounts/_couple_status.html).
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef

from accounts.models import Couple, User
from practices.models import Answer, AnswerReply, CheckIn, CustomIdea, DailyQuestion, Exchange


def erase_words_of(sender: type, *, user: User, couple: Couple, **kwargs: object) -> None:
    """Remove what `user` wrote in `couple`'s rows that would outlive their account.

    Called inside `couple_change(couple)` (see accounts.deletion.account_deleting)."""
    CustomIdea.objects.for_couple(couple).filter(created_by=user).delete()

    AnswerReply.objects.for_couple(couple).exclude(author=user).filter(
        question__answers__author=user
    ).delete()

    someone_else_answered = Answer.objects.filter(question=OuterRef("pk")).exclude(author=user)
    DailyQuestion.objects.for_couple(couple).filter(answers__author=user).exclude(
        Exists(someone_else_answered)
    ).delete()

    Exchange.objects.for_couple(couple).filter(speaker=user).update(
        reply=Exchange.Reply.PENDING, addition="", replied_at=None
    )
    CheckIn.objects.for_couple(couple).exclude(author=user).update(reply="", replied_at=None)
