"""Templates for parents: the information leaflet and letters, in plain English.

Letters are school letters (tools/letter_kit.py): letterhead, the parents' address block, a
reference, the date of writing, a salutation, the body, the sign-off with space to sign.
"""

from __future__ import annotations

from tools import letter_kit as letter
from tools import template_kit as kit

CONTACT = ("If you have any questions, please contact me"
           "{{ ' on ' ~ pupil.school_contact if pupil.school_contact }}.")


def leaflet() -> None:
    d = kit.start("Help for your child at school", heading="Help for your child at school",
                  subject="Information for parents and carers", version=3, key="leaflet",
                  author="{{ school.name }}")
    kit.paragraph(d, "Information for parents and carers from {{ school.name }}", "Subtitle")
    kit.paragraph(d, "This leaflet is for parents and carers. It tells you how schools help "
                     "children who find learning harder than other children of their age.")
    d.add_heading("Special educational needs", 1)
    kit.paragraph(d, "Children learn at different speeds. Some need extra help for a short "
                     "time. Some need it for longer. When a child needs help that is extra to, "
                     "or different from, what most children get, we say the child has special "
                     "educational needs (SEN).")
    kit.paragraph(d, "Teachers check the progress of every child. When a child has special "
                     "educational needs, they also plan, check and change the help they give, "
                     "to suit the child.")
    d.add_heading("Who to talk to", 1)
    kit.paragraph(d, "Each school has a teacher who leads this work. This person is called the "
                     "special educational needs coordinator (SENCo). At {{ school.name }} the "
                     "SENCo is {{ school.senco }}.")
    kit.when(d, "school.contact", "You can contact the school on {{ school.contact }}.")
    d.add_heading("School Action", 1)
    kit.paragraph(d, "School Action is the first step. It starts when teachers see that a child "
                     "is not making enough progress. They plan help that is extra to, or "
                     "different from, what the rest of the class gets.")
    kit.paragraph(d, "In primary school, the class teacher still works with your child every "
                     "day. In secondary school, subject teachers and form tutors plan the help "
                     "together. The SENCo may lead the planning and check how it is going.")
    d.add_heading("School Action Plus", 1)
    kit.paragraph(d, "Some children still do not make enough progress. The school can then ask "
                     "for advice from experts who work outside the school. This step is called "
                     "School Action Plus.")
    kit.paragraph(d, "The experts might be specialist teachers, speech and language therapists "
                     "or educational psychologists. They give advice or support to the teachers "
                     "and the SENCo. The school then tries new ways to help.")
    d.add_heading("What the school does", 1)
    kit.paragraph(d, "At both steps the school will:")
    kit.listed(d, [
        "check your child's progress often, and plan what to do next",
        "assess your child's learning as it goes on in class, and sometimes with more "
        "detailed tests",
        "change the way it teaches, to suit your child",
        "put children in small groups in class, with a teacher or another adult",
        "use extra adults in class, such as teaching assistants",
    ])
    d.add_heading("The Individual Education Plan", 1)
    kit.paragraph(d, "Most children at School Action or School Action Plus have an Individual "
                     "Education Plan (IEP). The school writes it. It is a plan for teaching and "
                     "learning. It sets a few targets for your child to reach soon.")
    kit.paragraph(d, "The IEP says:")
    kit.listed(d, [
        "what your child will be taught",
        "how it will be taught",
        "how often",
        "what help the school will give",
        "how the school will know that the plan is working",
    ])
    d.add_heading("Reviews", 1)
    kit.paragraph(d, "The school checks your child's progress and the plan regularly. The "
                     "Code of Practice says this should happen at least twice a year, and "
                     "ideally every term. Some children may need reviews more often.")
    kit.paragraph(d, "You can take part in each review. You know your child best, so please "
                     "tell us what you think is working and what is not.")
    d.add_heading("Provision maps", 1)
    kit.paragraph(d, "The law does not say that a school must write an IEP. It is one good way "
                     "to plan help. Some schools also keep a provision map. This is a list of "
                     "all the extra help the school gives, and of how each child is doing.")
    kit.when(d, "authority.iep_optional_at_school_action",
             "{{ authority.name }} advises its schools that a child at School Action may not "
             "need an IEP when the school keeps a good provision map. Children at School "
             "Action Plus, and children with a statement, still have one.")
    d.add_heading("Statements", 1)
    kit.paragraph(d, "A few children need more help than a school can usually give. The local "
                     "authority may then look at the child's needs in a formal way. This is "
                     "called a statutory assessment. It can lead to a statement of special "
                     "educational needs, which says what help the child must have.")
    kit.paragraph(d, "When a child has a statement, the school gets extra money for that "
                     "child's needs. The school decides how best to use it, in line with what "
                     "the statement says.")
    kit.paragraph(d, "Whether the help is paid for from the school's own budget or through a "
                     "statement, the school is committed to meeting your child's needs.")
    kit.paragraph(d, "None of the steps in this leaflet changes your legal rights.")
    kit.paragraph(d, "{%p if child %}")
    d.add_heading("Your child", 1)
    kit.paragraph(d, "{{ child.first_name }} gets help at {{ child.stage }}. The next review "
                     "of {{ child.first_name }}'s plan is on {{ child.review_date }}. We will "
                     "invite you to it, and you can tell us what you think.")
    kit.paragraph(d, "{%p endif %}")
    d.add_heading("More help", 1)
    kit.paragraph(d, "You can get free advice that does not come from the school from "
                     "{{ authority.parent_advice }}.")
    kit.bullets(d, "c in authority.parent_advice_contacts", "{{ c }}")
    kit.when(d, "not authority.parent_advice_contacts",
             "The SENCo can give you their telephone number and address.")
    kit.finish(d, "leaflet", confidential=False)


def letter_high_focus() -> None:
    d = letter.start_letter("Letter: a High Focus period for {{ pupil.first_name }}",
                            subject="Letter to parents: starting High Focus", version=3,
                            key="letter_high_focus")
    letter.address_block(d)
    letter.salutation(d, "More help for {{ pupil.first_name }}")
    kit.when(d, "not parents_reached",
             "We have tried to contact you, but we have not been able to talk with you yet. "
             "We would very much like to.")
    kit.paragraph(d, "We are writing to tell you about the next step in the help we give "
                     "{{ pupil.first_name }} at school.")
    d.add_heading("What will happen", 2)
    kit.paragraph(d, "From {{ high_focus.start_date }}, {{ pupil.first_name }} will have a "
                     "High Focus period of School Action Plus. This is a set time of extra "
                     "help, when we also collect careful evidence. We will use it to answer "
                     "four questions:")
    kit.numbered(d, "q in plain_questions", "{{ q }}")
    d.add_heading("Why", 2)
    kit.bullets(d, "line in why", "{{ line }}")
    d.add_heading("Who will help", 2)
    kit.bullets(d, "person in helpers", "{{ person }}")
    d.add_heading("How you can take part", 2)
    kit.paragraph(d, "{%p if parents_reached %}")
    kit.paragraph(d, "You know {{ pupil.first_name }} best, and you are a partner in this "
                     "work. We would like you to:")
    kit.bullets(d, "task in parent_tasks", "{{ task }}")
    kit.paragraph(d, "{%p else %}")
    kit.paragraph(d, "You know {{ pupil.first_name }} best, and we would like you to be a "
                     "partner in this work. Please get in touch, so that we can agree "
                     "together how you would like to help.")
    kit.paragraph(d, "{%p endif %}")
    kit.when(d, "interpreter.booked", "{{ interpreter.booked }}")
    kit.paragraph(d, "We will send you the full plan, so you can see what everyone is doing.")
    d.add_heading("At the end", 2)
    kit.paragraph(d, "We will meet on {{ high_focus.review_date }} to look at the evidence "
                     "together and plan the next steps. We will invite you to this meeting.")
    d.add_heading("How the money works", 2)
    kit.paragraph(d, "Each year, schools get money in their budget to help children with high "
                     "needs. This is called delegated funding. It means that most children get "
                     "the help they need in school, without a statement.")
    kit.paragraph(d, "The most likely result is that {{ pupil.first_name }} will carry on at "
                     "School Action Plus, rather than go forward for a statutory assessment. "
                     "The school may get a bigger share of this money to help.")
    kit.paragraph(d, "Whether the help is paid for from the school's own budget or through a "
                     "statement, we are committed to meeting {{ pupil.first_name }}'s needs.")
    kit.paragraph(d, "Your legal rights are not affected in any way.")
    kit.paragraph(d, CONTACT)
    letter.sign_off(d)
    letter.finish_letter(d, "letter_high_focus", "{{ letter.recipient[0] }} · {{ letter.date }}")


def letter_review_invitation() -> None:
    d = letter.start_letter("Letter: invitation to {{ pupil.first_name }}'s review",
                            subject="Letter to parents: review invitation", version=3,
                            key="letter_review_invitation")
    letter.address_block(d)
    letter.salutation(d, "Please come to {{ pupil.first_name }}'s review meeting")
    kit.when(d, "not parents_reached",
             "We have tried to contact you, but we have not been able to talk with you yet. "
             "We would very much like to meet you.")
    kit.paragraph(d, "We would like you to come to a meeting about {{ pupil.first_name }}'s "
                     "progress. It is the review at the end of the High Focus period.")
    kit.kv_table(d, [
        ("Date", "{{ high_focus.review_date }}"),
        ("Time", "{{ high_focus.review_time or 'We will tell you the time.' }}"),
        ("Place", "{{ high_focus.review_place or pupil.school }}"),
    ], "When and where")
    kit.when(d, "interpreter.language",
             "We have booked {{ 'an' if interpreter.language[:1].lower() in 'aeiou' else 'a' }} "
             "{{ interpreter.language }} interpreter for the meeting. We can also give you "
             "this letter in {{ interpreter.language }}.")
    d.add_heading("What we will talk about", 2)
    kit.paragraph(d, "Everyone who helps {{ pupil.first_name }} is invited. Together we will "
                     "talk about:")
    kit.bullets(d, "item in plain_agenda", "{{ item }}")
    d.add_heading("Your views", 2)
    kit.paragraph(d, "Your views matter. You can tell us at the meeting. You can also tell us "
                     "before it. Write to me, phone me, or ask for a short chat.")
    kit.paragraph(d, "You may bring a friend, a relative or someone who helps you.")
    kit.paragraph(d, "If the time does not suit you, please tell us and we will try to change "
                     "it.{{ '' if interpreter.language else ' Please also tell us if you "
                     "would like an interpreter.' }}")
    kit.paragraph(d, CONTACT)
    letter.sign_off(d)
    letter.finish_letter(d, "letter_review_invitation",
                         "{{ letter.recipient[0] }} · {{ letter.date }}")


def letter_review_outcome() -> None:
    d = letter.start_letter("Letter: outcome of {{ pupil.first_name }}'s review",
                            subject="Letter to parents: review outcome", version=3,
                            key="letter_review_outcome")
    letter.address_block(d)
    letter.salutation(d, "What we decided at {{ pupil.first_name }}'s review")
    kit.paragraph(d, "{{ opening }}")
    d.add_heading("What we decided", 2)
    kit.paragraph(d, "{{ plain_outcome.decision }}")
    d.add_heading("Why", 2)
    kit.paragraph(d, "{{ plain_outcome.why }}")
    kit.when(d, "plain_outcome.statutory", "What a statutory assessment means", style="Heading 2")
    kit.when(d, "plain_outcome.statutory",
             "We will ask the local authority to look at {{ pupil.first_name }}'s needs in a "
             "formal way. This is called a statutory assessment. It may lead to a statement "
             "of special educational needs. The local authority will write to you and explain "
             "each step.",
             "Until then, {{ pupil.first_name }} will keep getting help in school.")
    kit.when(d, "reservation_lines", "Concerns and reservations", style="Heading 2")
    kit.bullets(d, "line in reservation_lines", "{{ line }}")
    d.add_heading("What happens next", 2)
    kit.bullets(d, "step in next_steps", "{{ step }}")
    kit.paragraph(d, "The next review is on {{ review.next_review_date }}.")
    kit.when(d, "interpreter.booked", "{{ interpreter.booked }}")
    d.add_heading("Who to contact", 2)
    kit.paragraph(d, "Do you have a question? Do you not agree with something? Please "
                     "contact me{{ ' on ' ~ pupil.school_contact if pupil.school_contact }}.")
    kit.paragraph(d, "Your legal rights are not affected in any way.")
    letter.sign_off(d)
    letter.finish_letter(d, "letter_review_outcome",
                         "{{ letter.recipient[0] }} · {{ letter.date }}")


def contact_attempts() -> None:
    d = kit.start("Record of attempts to contact parents: {{ pupil.full_name }}",
                  heading="Record of attempts to contact parents or carers",
                  subject="Record of attempts to contact parents or carers", version=3,
                  key="contact_attempts")
    kit.kv_table(d, [
        ("Pupil", "{{ pupil.full_name }}"),
        ("Date of birth", "{{ pupil.date_of_birth }}"),
        ("Unique Pupil Number (UPN)", "{{ pupil.upn }}"),
        ("Parents or carers", "{{ pupil.parents or 'Not known' }}"),
        ("School", "{{ pupil.school }}"),
        ("Recorded by", "{{ pupil.senco }} (SENCo)"),
        ("Date of this record", "{{ today }}"),
    ], "About this record")
    d.add_heading("Attempts made", 1)
    kit.paragraph(d, "The school keeps this account of its attempts to gain the views of the "
                     "parents or carers, because contact has not been possible.")
    kit.loop_table(d, ["Date", "Method", "By whom", "Outcome"], "a in contact_log",
                   ["{{ a.date }}", "{{ a.method }}", "{{ a.by_whom }}", "{{ a.outcome }}"],
                   "Attempts made")
    d.add_heading("Next step", 1)
    kit.paragraph(d, "The school will keep trying, and will add each new attempt to this "
                     "record.")
    kit.finish(d, "contact_attempts")


BUILDERS = {
    "leaflet": leaflet,
    "letter_high_focus": letter_high_focus,
    "letter_review_invitation": letter_review_invitation,
    "letter_review_outcome": letter_review_outcome,
    "contact_attempts": contact_attempts,
}
