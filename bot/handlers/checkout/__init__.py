"""The checkout, read the way the flow goes.

table    which handler serves which step, label and button (the state table)
read     what a typed message means inside a step: answer, correction or new request
slots    what each step accepts: a name, a phone, an address, a note
cart     start, add, pick, size, resize and remove products; leave
items    products, quantities and units a message names
fix      corrections of a contact or delivery field ("sửa số điện thoại")
steps    the answers to the contact and delivery questions
ask      the questions, one at a time
draft    the draft order kept in the conversation, and its steps
summary  the summary shown before placing
confirm  Confirm / Edit / Cancel, and placing the orders
"""
