<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AfterPage</name>
    <message>
        <location filename="../../app/ui/distress/rating.py" line="+613"/>
        <source>And now, how stirred up do you feel?</source>
        <translation>And now, how stirred up do you feel?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done (Enter)</source>
        <translation>Done (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save and see how it went</source>
        <translation>Save and see how it went</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A note for yourself, if you like (what was going on, what helped)</source>
        <translation>A note for yourself, if you like (what was going on, what helped)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+33"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>An optional note for yourself. Ctrl+Enter saves.</source>
        <translation>An optional note for yourself. Ctrl+Enter saves.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This note is longer than Steady keeps: the first %1 characters are saved.</source>
        <translation>This note is longer than Steady keeps: the first %1 characters are saved.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What set it off? Words separated by commas (optional)</source>
        <translation>What set it off? Words separated by commas (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+22"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Words for what set this off, separated by commas</source>
        <translation>Words for what set this off, separated by commas</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>You stopped: that&apos;s fine.</source>
        <translation>You stopped: that&apos;s fine.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You finished.</source>
        <translation>You finished.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Used before: %1</source>
        <translation>Used before: %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Choose a number above, or Skip rating: what you wrote is kept either way.</source>
        <translation>Choose a number above, or Skip rating: what you wrote is kept either way.</translation>
    </message>
</context>
<context>
    <name>BeforePage</name>
    <message>
        <location line="-438"/>
        <source>How stirred up do you feel right now?</source>
        <translation>How stirred up do you feel right now?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start (Enter)</source>
        <translation>Start (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the exercise</source>
        <translation>Start the exercise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the list of exercises</source>
        <translation>Back to the list of exercises</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What will happen</source>
        <translation>What will happen</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+2"/>
        <source>Length</source>
        <extracomment>The offer of help appears under the Enter that confirmed a high rating: a reflexive second Enter must not answer it (&quot;No, take me to the exercise&quot;).</extracomment>
        <translation>Length</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the exercise runs; it always ends on a full breath</source>
        <translation>How long the exercise runs; it always ends on a full breath</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>breaths</source>
        <translation>breaths</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length in minutes</source>
        <translation>Length in minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length in breaths</source>
        <translation>Length in breaths</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose whether the length is counted in minutes or in breaths</source>
        <translation>Choose whether the length is counted in minutes or in breaths</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>That sounds really hard. Would you like to reach someone now? You can also go straight on to the exercise.</source>
        <translation>That sounds really hard. Would you like to reach someone now? You can also go straight on to the exercise.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Get help now</source>
        <translation>Get help now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See your contacts and helplines</source>
        <translation>See your contacts and helplines</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No, take me to the exercise</source>
        <translation>No, take me to the exercise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go on to the exercise without contacting anyone</source>
        <translation>Go on to the exercise without contacting anyone</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>breathe in</source>
        <translation>breathe in</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hold</source>
        <translation>hold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>breathe out</source>
        <translation>breathe out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a little more in</source>
        <translation>a little more in</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>keep holding</source>
        <translation>keep holding</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a little more out</source>
        <translation>a little more out</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Each breath: %1.</source>
        <translation>Each breath: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About %1 breaths a minute.</source>
        <translation>About %1 breaths a minute.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It starts a little quicker and slows to this pace over the first %1 seconds.</source>
        <translation>It starts a little quicker and slows to this pace over the first %1 seconds.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Space pauses. Esc stops at any moment.</source>
        <translation>Space pauses. Esc stops at any moment.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(%1 to tick off)</source>
        <translation>(%1 to tick off)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(%1 s)</source>
        <translation>(%1 s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter moves on. Esc stops at any moment.</source>
        <translation>Enter moves on. Esc stops at any moment.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>about %1, ending on a full breath</source>
        <translation>about %1, ending on a full breath</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>about %1, at your own pace</source>
        <translation>about %1, at your own pace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at your own pace</source>
        <translation>at your own pace</translation>
    </message>
</context>
<context>
    <name>BreathingForm</name>
    <message>
        <location filename="../../app/ui/editor/breathing_form.py" line="+50"/>
        <location line="+3"/>
        <source>Add a phase</source>
        <extracomment>A new breathing exercise: a breath in and a longer breath out, for five minutes. The number of breaths offered when the length is first switched to breaths.</extracomment>
        <translation>Add a phase</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Add a phase at the end (Ctrl+Enter in a phase adds one after it)</source>
        <translation>Add a phase at the end (Ctrl+Enter in a phase adds one after it)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In a phase: Alt+Up and Alt+Down move it, Alt+Delete removes it, Ctrl+Enter adds one after it.</source>
        <translation>In a phase: Alt+Up and Alt+Down move it, Alt+Delete removes it, Ctrl+Enter adds one after it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+55"/>
        <source>Ease in</source>
        <translation>Ease in</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Start a little quicker and slow to the pattern over this time.</source>
        <translation>Start a little quicker and slow to the pattern over this time.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One breath, repeated</source>
        <translation>One breath, repeated</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>breaths</source>
        <translation>breaths</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length in</source>
        <translation>Length in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes, or a number of whole breaths (cycles)</source>
        <translation>Minutes, or a number of whole breaths (cycles)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Length in minutes</source>
        <translation>Length in minutes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From 1 to 60 minutes; the guide always ends on a whole breath</source>
        <translation>From 1 to 60 minutes; the guide always ends on a whole breath</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Length in breaths</source>
        <translation>Length in breaths</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From 1 to 100 whole breaths</source>
        <translation>From 1 to 100 whole breaths</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional: start with quicker breaths and slow to the pattern over this many seconds</source>
        <translation>Optional: start with quicker breaths and slow to the pattern over this many seconds</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>About %1 in all, ending on a whole breath.</source>
        <translation>About %1 in all, ending on a whole breath.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, about %2 in all.</source>
        <translation>%1, about %2 in all.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n breath(s)</source>
        <translation>
            <numerusform>%n breath</numerusform>
            <numerusform>%n breaths</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BreathingPage</name>
    <message>
        <location filename="../../app/ui/exercise/breathing.py" line="+289"/>
        <source>Breathing: {title}</source>
        <translation>Breathing: {title}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The exercise you are doing</source>
        <translation>The exercise you are doing</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What to do now</source>
        <translation>What to do now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds left in this phase</source>
        <translation>Seconds left in this phase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left in the exercise</source>
        <translation>Time left in the exercise</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+87"/>
        <location line="+120"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-206"/>
        <location line="+207"/>
        <source>Pause the breathing guide. Space pauses and resumes.</source>
        <translation>Pause the breathing guide. Space pauses and resumes.</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>Pause or resume (Space)</source>
        <translation>Pause or resume (Space)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the exercise now. Esc also stops, without asking.</source>
        <translation>Stop the exercise now. Esc also stops, without asking.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop now (Esc)</source>
        <translation>Stop now (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+235"/>
        <source>Space pauses · Esc stops</source>
        <translation>Space pauses · Esc stops</translation>
    </message>
    <message>
        <location line="-234"/>
        <source>Keys you can use</source>
        <translation>Keys you can use</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Get ready</source>
        <translation>Get ready</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First: %1</source>
        <translation>First: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space starts now · Esc stops</source>
        <translation>Space starts now · Esc stops</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start now</source>
        <translation>Start now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip the count and start breathing. Space does the same.</source>
        <translation>Skip the count and start breathing. Space does the same.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Get ready. First, %1. %2</source>
        <translation>Get ready. First, %1. %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location line="-83"/>
        <location line="+117"/>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carry on breathing with the guide. Space pauses and resumes.</source>
        <translation>Carry on breathing with the guide. Space pauses and resumes.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="-430"/>
        <source>Breathe in</source>
        <extracomment>The smallest circle, as a share of the largest (an empty breath is not nothing). The still circle in reduced-motion mode, as a share of the largest. The pacer&apos;s smallest size, and how small it may get in a short window (pixels). The page&apos;s margins (left, top, right, bottom), and in a short window.</extracomment>
        <translation>Breathe in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breathe out</source>
        <translation>Breathe out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location line="+440"/>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Space resumes · Esc stops</source>
        <translation>Space resumes · Esc stops</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{time} left</source>
        <translation>{time} left</translation>
    </message>
</context>
<context>
    <name>BrokenTile</name>
    <message>
        <location filename="../../app/ui/distress/launcher.py" line="+156"/>
        <source>Something in this file needs a fix before it can be used. Choose it to open its folder.</source>
        <translation>Something in this file needs a fix before it can be used. Choose it to open its folder.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 cannot be used</source>
        <translation>%1 cannot be used</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>and %1 more</source>
        <translation>and %1 more</translation>
    </message>
</context>
<context>
    <name>ClashDialog</name>
    <message>
        <location filename="../../app/ui/editor/parts.py" line="+52"/>
        <source>Replace it</source>
        <translation>Replace it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the new file in its place</source>
        <translation>Use the new file in its place</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep both</source>
        <translation>Keep both</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep both; the new one gets its own id</source>
        <translation>Keep both; the new one gets its own id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change nothing</source>
        <translation>Change nothing</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Same id</source>
        <translation>Same id</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location line="+50"/>
        <source>Keep editing</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go back to the editor</source>
        <translation>Go back to the editor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without saving</source>
        <translation>Close without saving</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close Steady; the changes are lost</source>
        <translation>Close Steady; the changes are lost</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
</context>
<context>
    <name>ContactsSection</name>
    <message>
        <location filename="../../app/ui/settings/contacts.py" line="+27"/>
        <location line="+23"/>
        <source>Your contacts</source>
        <translation>Your contacts</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>People and lines you can reach in a hard moment: a friend, a clinician, a local crisis line. They appear under Get help now (F1).</source>
        <translation>People and lines you can reach in a hard moment: a friend, a clinician, a local crisis line. They appear under Get help now (F1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No contacts yet. Add contact starts a new one.</source>
        <translation>No contacts yet. Add contact starts a new one.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add contact</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new contact</source>
        <translation>Start a new contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove contact</source>
        <translation>Remove contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the chosen contact</source>
        <translation>Remove the chosen contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this contact earlier</source>
        <translation>Show this contact earlier</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a contact with Up and Down to change it below</source>
        <translation>Choose a contact with Up and Down to change it below</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Contact name</source>
        <translation>Contact name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact number</source>
        <translation>Contact number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact note</source>
        <translation>Contact note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who, for example Sam or Crisis line</source>
        <translation>Who, for example Sam or Crisis line</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone number, or how to reach them</source>
        <translation>Phone number, or how to reach them</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional, for example evenings only</source>
        <translation>Optional, for example evenings only</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>New contact</source>
        <translation>New contact</translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message>
        <location filename="../../app/ui/editor/parts.py" line="-30"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete this exercise</source>
        <translation>Delete this exercise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change nothing</source>
        <translation>Change nothing</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Delete exercise</source>
        <translation>Delete exercise</translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <location line="+16"/>
        <source>Go back to them</source>
        <translation>Go back to them</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the editor with your changes</source>
        <translation>Show the editor with your changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop them</source>
        <translation>Drop them</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget the unsaved changes</source>
        <translation>Forget the unsaved changes</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <location filename="../../app/ui/editor/editing.py" line="+90"/>
        <source>Your own version of “%1”</source>
        <translation>Your own version of “%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” comes with Steady and is never changed. Saving makes your own copy in your exercises folder. With the same id, “%2”, your copy takes its place in the list; delete your copy to have Steady&apos;s back.</source>
        <translation>“%1” comes with Steady and is never changed. Saving makes your own copy in your exercises folder. With the same id, “%2”, your copy takes its place in the list; delete your copy to have Steady&apos;s back.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ctrl+S saves; Esc goes back and keeps what you typed here.</source>
        <translation>Ctrl+S saves; Esc goes back and keeps what you typed here.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit “%1”</source>
        <translation>Edit “%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved in your exercises folder as %1. Ctrl+S saves; Esc goes back and keeps what you typed here.</source>
        <translation>Saved in your exercises folder as %1. Ctrl+S saves; Esc goes back and keeps what you typed here.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy of “%1”</source>
        <translation>Copy of “%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new exercise of your own, saved as an ordinary file in your exercises folder. Ctrl+S saves; Esc goes back and keeps what you typed here.</source>
        <translation>A new exercise of your own, saved as an ordinary file in your exercises folder. Ctrl+S saves; Esc goes back and keeps what you typed here.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New exercise</source>
        <translation>New exercise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved as an ordinary file in your exercises folder. Ctrl+S saves; Esc goes back and keeps what you typed here.</source>
        <translation>Saved as an ordinary file in your exercises folder. Ctrl+S saves; Esc goes back and keeps what you typed here.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>is the id of Steady&apos;s “%1”. Choose another id, or edit “%1” to make your own version of it.</source>
        <translation>is the id of Steady&apos;s “%1”. Choose another id, or edit “%1” to make your own version of it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is already the id of your “%1”. Choose another id.</source>
        <translation>is already the id of your “%1”. Choose another id.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Your own copy of Steady&apos;s “%1” (id %2); Steady&apos;s file is unchanged.</source>
        <translation>Your own copy of Steady&apos;s “%1” (id %2); Steady&apos;s file is unchanged.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Made from “%1”.</source>
        <translation>Made from “%1”.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>is empty: use lowercase letters, digits and dashes, like my-breath</source>
        <translation>is empty: use lowercase letters, digits and dashes, like my-breath</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Steady could not write this exercise faithfully. Nothing was saved.</source>
        <translation>Steady could not write this exercise faithfully. Nothing was saved.</translation>
    </message>
</context>
<context>
    <name>EditorPage</name>
    <message>
        <location filename="../../app/ui/editor/page.py" line="+92"/>
        <source>Exercise editor</source>
        <extracomment>The preview runs this long before it starts again. The narrowest page that shows the preview beside the form (pixels): in a narrower window the form takes the whole width.</extracomment>
        <translation>Exercise editor</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cautions, sources, tags, first choice</source>
        <translation>Cautions, sources, tags, first choice</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Save status</source>
        <extracomment>Every field&apos;s problem line by the file&apos;s key; &quot;general&quot; is the save status.</extracomment>
        <translation>Save status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the editor; what you typed stays here until you save</source>
        <translation>Leave the editor; what you typed stays here until you save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the exercise and save it in your exercises folder</source>
        <translation>Check the exercise and save it in your exercises folder</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 (copy)</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>a new exercise</source>
        <translation>a new exercise</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Not saved yet: see the notes above.</source>
        <translation>Not saved yet: see the notes above.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not saved. What you typed is still here.</source>
        <translation>Not saved. What you typed is still here.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not save (%1). What you typed is still here.</source>
        <translation>Could not save (%1). What you typed is still here.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+114"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>%1 was changed by another program since you opened it here. Replace it with what is here, or keep both (what is here gets its own id)?</source>
        <translation>%1 was changed by another program since you opened it here. Replace it with what is here, or keep both (what is here gets its own id)?</translation>
    </message>
</context>
<context>
    <name>ExerciseFields</name>
    <message>
        <location filename="../../app/ui/editor/fields.py" line="+49"/>
        <source>For example: My calm breath</source>
        <extracomment>Whether the id is still made from the title (until it is edited by hand).</extracomment>
        <translation>For example: My calm breath</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+21"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The name on the exercise&apos;s tile</source>
        <translation>The name on the exercise&apos;s tile</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+19"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Lowercase letters, digits and dashes. Made from the title until you change it.</source>
        <translation>Lowercase letters, digits and dashes. Made from the title until you change it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+16"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Breathing has a breathing pattern; grounding, senses and body have steps</source>
        <translation>Breathing has a breathing pattern; grounding, senses and body have steps</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+12"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>One or two sentences shown on the exercise&apos;s tile</source>
        <translation>One or two sentences shown on the exercise&apos;s tile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: one line shown on the tile</source>
        <translation>Optional: one line shown on the tile</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A short name for a keyboard shortcut that starts this exercise. Made from the title until you change it.</source>
        <translation>A short name for a keyboard shortcut that starts this exercise. Made from the title until you change it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+10"/>
        <source>Cautions</source>
        <translation>Cautions</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Optional, one per line: shown before the exercise starts</source>
        <translation>Optional, one per line: shown before the exercise starts</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Optional, one per line: where the exercise comes from</source>
        <translation>Optional, one per line: where the exercise comes from</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Optional words to find the exercise by, separated by commas</source>
        <translation>Optional words to find the exercise by, separated by commas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional, separated by commas</source>
        <translation>Optional, separated by commas</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>One per line.</source>
        <translation>One per line.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The tag breath-hold hides the exercise when your health settings ask Steady to leave out breath holds.</source>
        <translation>The tag breath-hold hides the exercise when your health settings ask Steady to leave out breath holds.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When very stirred up (7 or more)</source>
        <translation>When very stirred up (7 or more)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When numb or far away</source>
        <translation>When numb or far away</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A first choice: %1</source>
        <translation>A first choice: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: listed first when you have given such a level</source>
        <translation>Optional: listed first when you have given such a level</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A first choice</source>
        <translation>A first choice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional. When you have given such a level, the exercises that suit it are listed first. Short ones led by a long breath out, or working through the senses, suit a high level; orienting and the senses suit feeling numb.</source>
        <translation>Optional. When you have given such a level, the exercises that suit it are listed first. Short ones led by a long breath out, or working through the senses, suit a high level; orienting and the senses suit feeling numb.</translation>
    </message>
</context>
<context>
    <name>ExerciseRow</name>
    <message>
        <location filename="../../app/ui/plan/page.py" line="+61"/>
        <source>Start</source>
        <extracomment>How many lines of text a section shows before it scrolls.</extracomment>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start %1 now</source>
        <translation>Start %1 now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start %1</source>
        <translation>Start %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take %1 off the plan</source>
        <translation>Take %1 off the plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No longer among your exercises.</source>
        <translation>No longer among your exercises.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hidden by your health settings.</source>
        <translation>Hidden by your health settings.</translation>
    </message>
</context>
<context>
    <name>Exercises</name>
    <message>
        <location filename="../../app/ui/distress/launcher.py" line="-109"/>
        <source>Breathing</source>
        <extracomment>Keys for History and Settings, from the launcher (shown in their tooltips).</extracomment>
        <translation>Breathing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grounding</source>
        <translation>Grounding</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Senses</source>
        <translation>Senses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%n breath(s)</source>
        <translation>%n breath(s)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>your own pace</source>
        <translation>your own pace</translation>
    </message>
    <message>
        <location filename="../../app/ui/editor/parts.py" line="+301"/>
        <source>Inhale</source>
        <translation>Inhale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exhale</source>
        <translation>Exhale</translation>
    </message>
</context>
<context>
    <name>HalfSecondSpinBox</name>
    <message>
        <location line="-219"/>
        <source> s</source>
        <translation> s</translation>
    </message>
</context>
<context>
    <name>HealthSection</name>
    <message>
        <location filename="../../app/ui/settings/health.py" line="+44"/>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breath holds and cold water can be unsafe with some conditions. Tick any that apply and Steady hides those exercises. This stays on this computer.</source>
        <translation>Breath holds and cold water can be unsafe with some conditions. Tick any that apply and Steady hides those exercises. This stays on this computer.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Hidden now: %1</source>
        <translation>Hidden now: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No exercises are hidden.</source>
        <translation>No exercises are hidden.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../app/ui/distress/help.py" line="+50"/>
        <location line="+1"/>
        <source>Get help now</source>
        <translation>Get help now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your contacts, helplines, and what Steady is not</source>
        <translation>Your contacts, helplines, and what Steady is not</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>You don&apos;t have to do this alone.</source>
        <translation>You don&apos;t have to do this alone.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If you might act on thoughts of harming yourself, or you are in danger, call your local emergency number now.</source>
        <translation>If you might act on thoughts of harming yourself, or you are in danger, call your local emergency number now.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My coping plan</source>
        <translation>My coping plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you wrote for moments like this: your signs, what helps, who to reach</source>
        <translation>What you wrote for moments like this: your signs, what helps, who to reach</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your own steps for a hard moment, in your own words.</source>
        <translation>Your own steps for a hard moment, in your own words.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Anywhere: find a free, confidential helpline in your country at &lt;a href=&quot;%1&quot;&gt;findahelpline.com&lt;/a&gt;.</source>
        <translation>Anywhere: find a free, confidential helpline in your country at &lt;a href=&quot;%1&quot;&gt;findahelpline.com&lt;/a&gt;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find a helpline in your country at findahelpline.com</source>
        <translation>Find a helpline in your country at findahelpline.com</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steady is not a diagnosis and not a replacement for care. Nobody watches what you enter here, so Steady cannot send help.</source>
        <translation>Steady is not a diagnosis and not a replacement for care. Nobody watches what you enter here, so Steady cannot send help.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Your plan</source>
        <translation>Your plan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your people</source>
        <translation>Your people</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Helplines</source>
        <translation>Helplines</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+90"/>
        <source>Edit contacts</source>
        <translation>Edit contacts</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Add or change your contacts in Settings</source>
        <translation>Add or change your contacts in Settings</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to where you were</source>
        <translation>Back to where you were</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>You haven&apos;t added anyone yet. Adding a friend, a clinician or a local crisis line puts them right here when you need them.</source>
        <translation>You haven&apos;t added anyone yet. Adding a friend, a clinician or a local crisis line puts them right here when you need them.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add contacts</source>
        <translation>Add contacts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 %3, %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 %3, %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call or text</source>
        <translation>Call or text</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any time, day or night</source>
        <translation>any time, day or night</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+26"/>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Copy %1 to paste it elsewhere</source>
        <translation>Copy %1 to paste it elsewhere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the number of %1</source>
        <translation>Copy the number of %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copied %1</source>
        <translation>Copied %1</translation>
    </message>
</context>
<context>
    <name>HistoryFilters</name>
    <message>
        <location filename="../../app/ui/history/filters.py" line="+30"/>
        <source>Period</source>
        <extracomment>The person picked a period themselves (else History picks one by the log&apos;s size).</extracomment>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Which sessions to look at</source>
        <translation>Which sessions to look at</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exercise</source>
        <translation>Exercise</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Only sessions of one exercise</source>
        <translation>Only sessions of one exercise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Only sessions with one tag</source>
        <translation>Only sessions with one tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time of day</source>
        <translation>Time of day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only sessions at one time of day</source>
        <translation>Only sessions at one time of day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any time of day</source>
        <translation>Any time of day</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+21"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 90 days</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 12 months</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All time</source>
        <translation>All time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose dates…</source>
        <translation>Choose dates…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>All exercises</source>
        <translation>All exercises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All tags</source>
        <translation>All tags</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../app/ui/history/page.py" line="+72"/>
        <source>Looking back</source>
        <extracomment>Below this width (pixels) the page&apos;s side margins halve. &quot;Delete everything&quot; deletes the coping plan too, with this (set by the window). Writes exports and reports where the person chooses (set by the window).</extracomment>
        <translation>Looking back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the start</source>
        <translation>Back to the start</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Practice this week</source>
        <translation>Practice this week</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>What works for me</source>
        <translation>What works for me</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message numerus="yes">
        <location line="+177"/>
        <source>You&apos;ve practised while calm %n time(s) this week.</source>
        <translation>
            <numerusform>You&apos;ve practised while calm %n time this week.</numerusform>
            <numerusform>You&apos;ve practised while calm %n times this week.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/history/deleting.py" line="+27"/>
        <source>Delete this session</source>
        <translation>Delete this session</translation>
    </message>
    <message>
        <location filename="../../app/ui/history/page.py" line="-212"/>
        <source>After your first session, you&apos;ll see here how each exercise went for you: your ratings before and after, over time, and which exercises tend to help you most.

Nothing here needs keeping up with, and it all stays on this computer.</source>
        <translation>After your first session, you&apos;ll see here how each exercise went for you: your ratings before and after, over time, and which exercises tend to help you most.

Nothing here needs keeping up with, and it all stays on this computer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No sessions yet</source>
        <translation>No sessions yet</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>History views</source>
        <translation>History views</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What works for me, or the sessions</source>
        <translation>What works for me, or the sessions</translation>
    </message>
    <message>
        <location filename="../../app/ui/history/deleting.py" line="-3"/>
        <source>Delete this session?</source>
        <translation>Delete this session?</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>%1 on %2 (ratings %3) will be removed from your history. This cannot be undone.</source>
        <translation>%1 on %2 (ratings %3) will be removed from your history. This cannot be undone.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All %n session(s) will be removed from this computer: their ratings, notes and tags, and the backup copies Steady keeps of its log.</source>
        <translation>All %n session(s) will be removed from this computer: their ratings, notes and tags, and the backup copies Steady keeps of its log.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your coping plan will be removed too.</source>
        <translation>Your coping plan will be removed too.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files you exported yourself are not touched. This cannot be undone.</source>
        <translation>Files you exported yourself are not touched. This cannot be undone.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete all your history?</source>
        <translation>Delete all your history?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete everything</source>
        <translation>Delete everything</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep my history</source>
        <translation>Keep my history</translation>
    </message>
</context>
<context>
    <name>ItemMarkers</name>
    <message>
        <location filename="../../app/ui/exercise/tick_list.py" line="+33"/>
        <source>{done} of {total} ticked</source>
        <translation>{done} of {total} ticked</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <location filename="../../app/ui/editor/parts.py" line="+37"/>
        <source>Move earlier (Alt+Up)</source>
        <translation>Move earlier (Alt+Up)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move later (Alt+Down)</source>
        <translation>Move later (Alt+Down)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove (Alt+Delete)</source>
        <translation>Remove (Alt+Delete)</translation>
    </message>
</context>
<context>
    <name>KeepElsewhere</name>
    <message>
        <location filename="../../app/ui/shell/kept_sessions.py" line="+33"/>
        <source>Save the sessions to a file</source>
        <extracomment>Offered as the file&apos;s name, in the person&apos;s home folder. Asks where to save; None when the person cancels.</extracomment>
        <translation>Save the sessions to a file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steady export (*.json)</source>
        <translation>Steady export (*.json)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not write %1 (%2). The sessions are still kept while Steady is open; try another place.</source>
        <translation>Could not write %1 (%2). The sessions are still kept while Steady is open; try another place.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%n session(s) saved in %1. To add them to your log later: steady import &quot;%1&quot;</source>
        <translation>%n session(s) saved in %1. To add them to your log later: steady import &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>LauncherActions</name>
    <message>
        <location filename="../../app/ui/editor/own_exercises.py" line="+99"/>
        <source>Your own exercises</source>
        <translation>Your own exercises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New exercise (Ctrl+N)</source>
        <translation>New exercise (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make an exercise of your own: a breathing pattern or steps</source>
        <translation>Make an exercise of your own: a breathing pattern or steps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import… (Ctrl+I)</source>
        <translation>Import… (Ctrl+I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add an exercise file someone shared with you</source>
        <translation>Add an exercise file someone shared with you</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+80"/>
        <source>Open exercises folder</source>
        <translation>Open exercises folder</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Your exercise files, in the file manager</source>
        <translation>Your exercise files, in the file manager</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go back to the exercise you were editing</source>
        <translation>Go back to the exercise you were editing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On a tile, the Menu key or a right-click offers Edit, Duplicate, Export and Delete (Ctrl+E, Ctrl+D, Ctrl+Shift+E, Delete).</source>
        <translation>On a tile, the Menu key or a right-click offers Edit, Duplicate, Export and Delete (Ctrl+E, Ctrl+D, Ctrl+Shift+E, Delete).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your own exercises: status</source>
        <translation>Your own exercises: status</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1  ·  yours</source>
        <translation>%1  ·  yours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your own exercise. %1</source>
        <translation>Your own exercise. %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1. Enter opens the folder to fix it; Delete removes the file.</source>
        <translation>%1. Enter opens the folder to fix it; Delete removes the file.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Continue editing “%1”</source>
        <translation>Continue editing “%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+9"/>
        <source>Actions for %1</source>
        <translation>Actions for %1</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Delete this file…</source>
        <translation>Delete this file…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit a copy, in its place</source>
        <translation>Edit a copy, in its place</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your own copy takes the place of Steady&apos;s, with the same name. Deleting your copy brings Steady&apos;s back.</source>
        <translation>Your own copy takes the place of Steady&apos;s, with the same name. Deleting your copy brings Steady&apos;s back.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change this exercise</source>
        <translation>Change this exercise</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate, as a new exercise</source>
        <translation>Duplicate, as a new exercise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new exercise of your own, next to this one, which stays as it is</source>
        <translation>A new exercise of your own, next to this one, which stays as it is</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Move its file to the deleted-exercises folder</source>
        <translation>Move its file to the deleted-exercises folder</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save this exercise as a file to share</source>
        <translation>Save this exercise as a file to share</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
</context>
<context>
    <name>LauncherPage</name>
    <message numerus="yes">
        <location filename="../../app/ui/distress/launcher.py" line="+200"/>
        <source>Helped you most so far: on average %1 points lower afterwards, over %n session(s).</source>
        <translation>
            <numerusform>Helped you most so far: on average %1 points lower afterwards, over %n session.</numerusform>
            <numerusform>Helped you most so far: on average %1 points lower afterwards, over %n sessions.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Take a moment. Pick whatever feels right, or just start.</source>
        <translation>Take a moment. Pick whatever feels right, or just start.</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>FOR HOW YOU FEEL NOW</source>
        <translation>FOR HOW YOU FEEL NOW</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You said you feel numb or far away. These bring you back to the room and your senses. Everything else is below.</source>
        <translation>You said you feel numb or far away. These bring you back to the room and your senses. Everything else is below.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You gave a high rating. These are short, led by a long breath out, or work through the senses. Everything else is below.</source>
        <translation>You gave a high rating. These are short, led by a long breath out, or work through the senses. Everything else is below.</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Start your usual exercise</source>
        <translation>Start your usual exercise</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What has helped you most</source>
        <translation>What has helped you most</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type to find an exercise</source>
        <translation>Type to find an exercise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find an exercise</source>
        <translation>Find an exercise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type to show only matching exercises; Enter starts the first one</source>
        <translation>Type to show only matching exercises; Enter starts the first one</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing matches that. Esc clears the search.</source>
        <translation>Nothing matches that. Esc clears the search.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No exercises were found</source>
        <translation>No exercises were found</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your past sessions and what helps you (%1)</source>
        <translation>Your past sessions and what helps you (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sound, motion, look, contacts (%1)</source>
        <translation>Sound, motion, look, contacts (%1)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>My plan</source>
        <translation>My plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your coping plan for the hardest moments (%1)</source>
        <translation>Your coping plan for the hardest moments (%1)</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Steady is not a diagnosis and not a replacement for care.</source>
        <translation>Steady is not a diagnosis and not a replacement for care.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Or %1</source>
        <translation>Or %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <location line="+1"/>
        <source>Start now: %1</source>
        <translation>Start now: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Steady found no exercises. It looked in:</source>
        <translation>Steady found no exercises. It looked in:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>your own exercises</source>
        <translation>your own exercises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steady&apos;s own exercises</source>
        <translation>Steady&apos;s own exercises</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1; this folder does not exist</source>
        <translation>%1; this folder does not exist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steady&apos;s own exercises come with it: if their folder is missing or empty, installing Steady again brings them back. Get help now still works.</source>
        <translation>Steady&apos;s own exercises come with it: if their folder is missing or empty, installing Steady again brings them back. Get help now still works.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Files that need a fix</source>
        <translation>Files that need a fix</translation>
    </message>
</context>
<context>
    <name>Length</name>
    <message>
        <location filename="../../app/ui/widgets/common.py" line="+288"/>
        <source>%n second(s)</source>
        <extracomment>Keys that press a focused button; holding one down must not press it again and again. How long after a page appears a press of Enter is taken as the one that brought it (a reflexive double press), not as an answer to it (seconds).</extracomment>
        <translation>%n second(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n minute(s)</source>
        <translation>%n minute(s)</translation>
    </message>
</context>
<context>
    <name>LookSection</name>
    <message>
        <location filename="../../app/ui/settings/look.py" line="+33"/>
        <source>Motion and look</source>
        <translation>Motion and look</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reduce motion</source>
        <translation>Reduce motion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The breathing circle stays still; a thin bar fills as you breathe in and empties as you breathe out.</source>
        <translation>The breathing circle stays still; a thin bar fills as you breathe in and empties as you breathe out.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Count 3-2-1 before breathing</source>
        <translation>Count 3-2-1 before breathing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A short “get ready” that names the first breath, so it is not a surprise. It is not counted as practice.</source>
        <translation>A short “get ready” that names the first breath, so it is not a surprise. It is not counted as practice.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <source>Colours</source>
        <translation>Colours</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Same as the system, light, dark or high contrast</source>
        <translation>Same as the system, light, dark or high contrast</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Text size</source>
        <translation>Text size</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>From 100 to 200 percent</source>
        <translation>From 100 to 200 percent</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/shell/window.py" line="+114"/>
        <location line="+470"/>
        <source>Steady</source>
        <extracomment>The smallest window Steady lets itself be made: every page is whole at this size with text up to 200% (tests/gui/test_layout_matrix.py; docs/decisions/0019). Closing asks about sessions no disk took; not in a quit by a signal. app.ui.shell.reminders.PracticeReminders, made with the desktop&apos;s parts Starting at login (app.services.autostart), made when Settings or the welcome first need it; None: not offered (the bootstrap gives one for the data folder).</extracomment>
        <translation>Steady</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Get help now</source>
        <translation>Get help now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your contacts and helplines (F1)</source>
        <translation>Your contacts and helplines (F1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>OwnExercises</name>
    <message>
        <location filename="../../app/ui/editor/own_exercises.py" line="-154"/>
        <source>Import an exercise</source>
        <translation>Import an exercise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exercise files (*.toml);;All files (*)</source>
        <translation>Exercise files (*.toml);;All files (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export an exercise</source>
        <translation>Export an exercise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exercise files (*.toml)</source>
        <translation>Exercise files (*.toml)</translation>
    </message>
    <message>
        <location line="+321"/>
        <source>Your changes to “%1” are not saved yet. Go back to them, or drop them and go on?</source>
        <translation>Your changes to “%1” are not saved yet. Go back to them, or drop them and go on?</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Your changes to “%1” are not saved. Close Steady anyway?</source>
        <translation>Your changes to “%1” are not saved. Close Steady anyway?</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Saved “%1”. It is not in the list because your health settings hide exercises tagged %2.</source>
        <translation>Saved “%1”. It is not in the list because your health settings hide exercises tagged %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved “%1”.</source>
        <translation>Saved “%1”.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>“%1” comes with Steady and cannot be deleted.</source>
        <translation>“%1” comes with Steady and cannot be deleted.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete “%1”? Its file moves to the deleted-exercises folder next to your exercises, so it can be brought back. Your past sessions with it stay in your history.</source>
        <translation>Delete “%1”? Its file moves to the deleted-exercises folder next to your exercises, so it can be brought back. Your past sessions with it stay in your history.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Steady&apos;s own version comes back in its place.</source>
        <translation>Steady&apos;s own version comes back in its place.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not delete “%1” (%2).</source>
        <translation>Could not delete “%1” (%2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleted “%1”.</source>
        <translation>Deleted “%1”.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete the file %1? It moves to the deleted-exercises folder next to your exercises, so it can be brought back.</source>
        <translation>Delete the file %1? It moves to the deleted-exercises folder next to your exercises, so it can be brought back.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not delete %1 (%2).</source>
        <translation>Could not delete %1 (%2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleted %1.</source>
        <translation>Deleted %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>That is your exercises folder, where “%1” already is. Choose another place to share it from.</source>
        <translation>That is your exercises folder, where “%1” already is. Choose another place to share it from.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not export “%1” (%2).</source>
        <translation>Could not export “%1” (%2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported “%1” to %2.</source>
        <translation>Exported “%1” to %2.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 could not be imported: %2</source>
        <translation>%1 could not be imported: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(and %1 more; `steady validate` lists them all)</source>
        <translation>(and %1 more; `steady validate` lists them all)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Steady already has “%1” with the id “%2”. Replace it (Steady&apos;s own file stays as it is; the imported one takes its place in the list), or keep both (the imported one gets a new id)?</source>
        <translation>Steady already has “%1” with the id “%2”. Replace it (Steady&apos;s own file stays as it is; the imported one takes its place in the list), or keep both (the imported one gets a new id)?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You already have “%1” with the id “%2”. Replace it with the imported one (yours moves to the deleted-exercises folder), or keep both (the imported one gets a new id)?</source>
        <translation>You already have “%1” with the id “%2”. Replace it with the imported one (yours moves to the deleted-exercises folder), or keep both (the imported one gets a new id)?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was imported.</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 could not be given a new id; nothing was imported.</source>
        <translation>%1 could not be given a new id; nothing was imported.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not import %1 (%2).</source>
        <translation>Could not import %1 (%2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported “%1”.</source>
        <translation>Imported “%1”.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not make the folder %1 (%2).</source>
        <translation>Could not make the folder %1 (%2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Steady could not open a file manager. Your exercises folder is %1</source>
        <translation>Steady could not open a file manager. Your exercises folder is %1</translation>
    </message>
</context>
<context>
    <name>PacerWidget</name>
    <message>
        <location filename="../../app/ui/exercise/breathing.py" line="-436"/>
        <source>Breathing guide</source>
        <translation>Breathing guide</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>A still circle; the bar below fills as you breathe in, empties as you breathe out, and stays still while you hold.</source>
        <translation>A still circle; the bar below fills as you breathe in, empties as you breathe out, and stays still while you hold.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A circle that grows as you breathe in, rests while you hold and shrinks as you breathe out.</source>
        <translation>A circle that grows as you breathe in, rests while you hold and shrinks as you breathe out.</translation>
    </message>
</context>
<context>
    <name>PhaseRow</name>
    <message>
        <location filename="../../app/ui/editor/parts.py" line="+88"/>
        <source>Alt+Up and Alt+Down move this phase, Alt+Delete removes it, Ctrl+Enter adds one after it.</source>
        <translation>Alt+Up and Alt+Down move this phase, Alt+Delete removes it, Ctrl+Enter adds one after it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phase %1: what to do</source>
        <translation>Phase %1: what to do</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phase %1: seconds</source>
        <translation>Phase %1: seconds</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From 0.5 to 99 seconds, in steps of 0.5. </source>
        <translation>From 0.5 to 99 seconds, in steps of 0.5. </translation>
    </message>
</context>
<context>
    <name>PlanDoor</name>
    <message>
        <location filename="../../app/ui/plan/door.py" line="+125"/>
        <source>Saving...</source>
        <translation>Saving...</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved on this computer.</source>
        <translation>Saved on this computer.</translation>
    </message>
</context>
<context>
    <name>PlanKeeper</name>
    <message>
        <location filename="../../app/services/plan_keeper.py" line="+54"/>
        <source>Steady will not write over it. What you write here is kept while Steady stays open.</source>
        <extracomment>How long after the last keystroke the plan is written (milliseconds).</extracomment>
        <translation>Steady will not write over it. What you write here is kept while Steady stays open.</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../../app/ui/plan/page.py" line="+35"/>
        <source>Your own plan for the hardest moments, in your own words. Every part is optional: write as much or as little as you like. It stays on this computer and is saved as you type.</source>
        <translation>Your own plan for the hardest moments, in your own words. Every part is optional: write as much or as little as you like. It stays on this computer and is saved as you type.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Print (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the plan, or save it as a PDF where your system offers it</source>
        <translation>Print the plan, or save it as a PDF where your system offers it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to where you were; the plan is kept</source>
        <translation>Back to where you were; the plan is kept</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Choose an exercise</source>
        <translation>Choose an exercise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An exercise to add</source>
        <translation>An exercise to add</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose one of your exercises to put on the plan</source>
        <translation>Choose one of your exercises to put on the plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to the plan</source>
        <translation>Add to the plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the chosen exercise on the plan, with a Start button</source>
        <translation>Put the chosen exercise on the plan, with a Start button</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1 (no longer in your contacts)</source>
        <translation>%1 (no longer in your contacts)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add contacts</source>
        <translation>Add contacts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add people and lines in Settings, under Your contacts</source>
        <translation>Add people and lines in Settings, under Your contacts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You have no contacts yet. People you add in Settings can be chosen here.</source>
        <translation>You have no contacts yet. People you add in Settings can be chosen here.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan/words.py" line="+29"/>
        <source>My warning signs</source>
        <translation>My warning signs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thoughts, feelings or situations that tell me a hard time may be coming. One on each line.</source>
        <translation>Thoughts, feelings or situations that tell me a hard time may be coming. One on each line.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For example:
Not sleeping for two nights
Pulling away from people</source>
        <translation>For example:
Not sleeping for two nights
Pulling away from people</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Things I can do on my own</source>
        <translation>Things I can do on my own</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exercises from Steady, and anything else that helps me feel calmer or more here.</source>
        <translation>Exercises from Steady, and anything else that helps me feel calmer or more here.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For example:
A hot shower
A walk round the block</source>
        <translation>For example:
A hot shower
A walk round the block</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>People and places that take my mind off things</source>
        <translation>People and places that take my mind off things</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Places and people that help me think about something else for a while.</source>
        <translation>Places and people that help me think about something else for a while.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For example:
Texting a friend about something else
The café on the corner</source>
        <translation>For example:
Texting a friend about something else
The café on the corner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>People I can ask for help</source>
        <translation>People I can ask for help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From my contacts, and anyone else I can tell how I am.</source>
        <translation>From my contacts, and anyone else I can tell how I am.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For example:
My sister
A neighbour who knows</source>
        <translation>For example:
My sister
A neighbour who knows</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Professionals and crisis lines</source>
        <translation>Professionals and crisis lines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My doctor, therapist or a crisis line, and how to reach them.</source>
        <translation>My doctor, therapist or a crisis line, and how to reach them.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For example:
My doctor&apos;s surgery
A local crisis line (findahelpline.com lists them)</source>
        <translation>For example:
My doctor&apos;s surgery
A local crisis line (findahelpline.com lists them)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Making my space safer</source>
        <translation>Making my space safer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What I can do to keep myself safe while things are hard.</source>
        <translation>What I can do to keep myself safe while things are hard.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For example:
Asking someone I trust to keep hold of things I could hurt myself with</source>
        <translation>For example:
Asking someone I trust to keep hold of things I could hurt myself with</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What matters to me</source>
        <translation>What matters to me</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is worth getting through hard times for.</source>
        <translation>What is worth getting through hard times for.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For example:
The people and animals I love
Plans I have for the spring</source>
        <translation>For example:
The people and animals I love
Plans I have for the spring</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>My coping plan</source>
        <translation>My coping plan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When a hard time comes, start at the top and go down the list as far as you need.</source>
        <translation>When a hard time comes, start at the top and go down the list as far as you need.</translation>
    </message>
</context>
<context>
    <name>PlanPrint</name>
    <message>
        <location filename="../../app/ui/plan/printing.py" line="+65"/>
        <source>If you are in danger, call your local emergency number now.</source>
        <extracomment>Lines to write on, under a section left empty. Text size on paper (points): large enough to read in a hard moment.</extracomment>
        <translation>If you are in danger, call your local emergency number now.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Print my coping plan</source>
        <translation>Print my coping plan</translation>
    </message>
</context>
<context>
    <name>PracticeReminders</name>
    <message>
        <location filename="../../app/ui/shell/reminders.py" line="+122"/>
        <source>A minute to practise while calm?</source>
        <translation>A minute to practise while calm?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click here to start %1. Not now? Let this pass; nothing else will ask.</source>
        <translation>Click here to start %1. Not now? Let this pass; nothing else will ask.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Start: %1</source>
        <translation>Start: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the first rating of %1</source>
        <translation>Open the first rating of %1</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../app/ui/editor/preview.py" line="+47"/>
        <source>Preview of the breathing guide</source>
        <extracomment>The preview&apos;s narrowest width (pixels).</extracomment>
        <translation>Preview of the breathing guide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview: what to do now</source>
        <translation>Preview: what to do now</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Breaths per minute</source>
        <translation>Breaths per minute</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+70"/>
        <source>Pause preview</source>
        <translation>Pause preview</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Pause or play the preview of the breathing guide</source>
        <translation>Pause or play the preview of the breathing guide</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add a phase to see the pattern.</source>
        <translation>Add a phase to see the pattern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 breaths a minute</source>
        <translation>%1 breaths a minute</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2&#xa0;s a breath</source>
        <translation>%1 · %2&#xa0;s a breath</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Play preview</source>
        <translation>Play preview</translation>
    </message>
</context>
<context>
    <name>ProblemDisplay</name>
    <message>
        <location filename="../../app/ui/editor/problems.py" line="+85"/>
        <location line="+24"/>
        <source>The file</source>
        <extracomment>The rows of a list, by the file&apos;s key (&quot;phases&quot;, &quot;steps&quot;).</extracomment>
        <translation>The file</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>The title</source>
        <translation>The title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The id</source>
        <translation>The id</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The kind</source>
        <translation>The kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The summary</source>
        <translation>The summary</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The length</source>
        <translation>The length</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number of breaths</source>
        <translation>The number of breaths</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ease in</source>
        <translation>Ease in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caution</source>
        <translation>Caution</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A first choice</source>
        <translation>A first choice</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The seconds</source>
        <translation>The seconds</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The phase</source>
        <translation>The phase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The text</source>
        <translation>The text</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The number of items</source>
        <translation>The number of items</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This line</source>
        <translation>This line</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The list</source>
        <translation>The list</translation>
    </message>
</context>
<context>
    <name>RatingChart</name>
    <message>
        <location filename="../../app/ui/history/chart.py" line="+394"/>
        <source>Ratings before and after, over time</source>
        <extracomment>Sessions drawn one by one while each gets at least this many pixels of width. When averaging, at least this many pixels per group. Room kept inside the plot so a dot at its first or last day, or at 0 or 10, sits clear of the edges (and of the legend above).</extracomment>
        <translation>Ratings before and after, over time</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No ratings in this period.</source>
        <translation>No ratings in this period.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n session(s) with ratings.</source>
        <translation>
            <numerusform>%n session with ratings.</numerusform>
            <numerusform>%n sessions with ratings.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before: %1 on average.</source>
        <translation>Before: %1 on average.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>After: %1 on average.</source>
        <translation>After: %1 on average.</translation>
    </message>
</context>
<context>
    <name>RatingScale</name>
    <message>
        <location filename="../../app/ui/distress/rating.py" line="-435"/>
        <source>Rating %1</source>
        <extracomment>Asked once a level is given: (rating, numb, offer of help shown) -&gt; what to suggest. Width of the ring drawn round the numbers while the scale has the focus (pixels).</extracomment>
        <translation>Rating %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set how stirred up you feel to %1 out of 10</source>
        <translation>Set how stirred up you feel to %1 out of 10</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Settled: no distress right now</source>
        <translation>Settled: no distress right now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clearly stirred up, but I can still think and choose</source>
        <translation>Clearly stirred up, but I can still think and choose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The most distressed or overwhelmed I can imagine</source>
        <translation>The most distressed or overwhelmed I can imagine</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+49"/>
        <source>How stirred up, from 0 to 10</source>
        <translation>How stirred up, from 0 to 10</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>0 is settled, 5 is clearly stirred up but able to think, 10 is the most distressed you can imagine. Type a digit, or use Up and Down.</source>
        <translation>0 is settled, 5 is clearly stirred up but able to think, 10 is the most distressed you can imagine. Type a digit, or use Up and Down.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>How stirred up: %1</source>
        <translation>How stirred up: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/distress/scale_layout.py" line="+141"/>
        <source>%1: %2</source>
        <extracomment>Numbers in the first row when the scale wraps (0 to 5; 6 to 10 below).</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <location filename="../../app/ui/shell/reminders.py" line="-132"/>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let this reminder pass; nothing else will ask today</source>
        <translation>Let this reminder pass; nothing else will ask today</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A reminder to practise</source>
        <translation>A reminder to practise</translation>
    </message>
</context>
<context>
    <name>ReminderSection</name>
    <message>
        <location filename="../../app/ui/settings/reminders.py" line="+48"/>
        <source>Practice reminders</source>
        <translation>Practice reminders</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remind me to practise while calm</source>
        <translation>Remind me to practise while calm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skills come more easily in a hard moment when they were practised in a calm one. At the times you choose, a quiet note asks if you have a minute; “Not now” is always fine, and nothing counts missed days. Off until you turn it on.</source>
        <translation>Skills come more easily in a hard moment when they were practised in a calm one. At the times you choose, a quiet note asks if you have a minute; “Not now” is always fine, and nothing counts missed days. Off until you turn it on.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hours and minutes; up and down change them</source>
        <translation>Hours and minutes; up and down change them</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder time %1</source>
        <translation>Reminder time %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also at</source>
        <translation>Also at</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also remind me at time %1</source>
        <translation>Also remind me at time %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A second or third time in the day</source>
        <translation>A second or third time in the day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiet hours, from</source>
        <translation>Quiet hours, from</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiet hours</source>
        <translation>Quiet hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No reminder comes in these hours</source>
        <translation>No reminder comes in these hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiet hours begin</source>
        <translation>Quiet hours begin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiet hours end</source>
        <translation>Quiet hours end</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exercise a reminder starts</source>
        <translation>Exercise a reminder starts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What a reminder&apos;s Start begins: the same as Start now, or one you choose</source>
        <translation>What a reminder&apos;s Start begins: the same as Start now, or one you choose</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Monday</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tuesday</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wednesday</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thursday</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Friday</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saturday</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sunday</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A reminder can come on this day</source>
        <translation>A reminder can come on this day</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At</source>
        <translation>At</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiet</source>
        <translation>Quiet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with</source>
        <translation>Start with</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The same as Start now</source>
        <translation>The same as Start now</translation>
    </message>
</context>
<context>
    <name>SessionSteps</name>
    <message>
        <location filename="../../app/ui/shell/session_steps.py" line="+264"/>
        <source>Sessions not saved</source>
        <extracomment>Asks where to save sessions no disk took (tests give one that answers at once).</extracomment>
        <translation>Sessions not saved</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n session(s) could not be saved on this computer and would be lost when Steady closes. Save them to a file first? You can add them to your log later.</source>
        <translation>
            <numerusform>%n session could not be saved on this computer and would be lost when Steady closes. Save them to a file first? You can add them to your log later.</numerusform>
            <numerusform>%n sessions could not be saved on this computer and would be lost when Steady closes. Save them to a file first? You can add them to your log later.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save to a file…</source>
        <translation>Save to a file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose where to keep them, then close</source>
        <translation>Choose where to keep them, then close</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without them</source>
        <translation>Close without them</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They are lost</source>
        <translation>They are lost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep Steady open</source>
        <translation>Keep Steady open</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Steady could not save this session just now (%1). What you entered is kept while Steady stays open, and saving will be tried again.</source>
        <translation>Steady could not save this session just now (%1). What you entered is kept while Steady stays open, and saving will be tried again.</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <location filename="../../app/ui/history/models.py" line="+425"/>
        <source>Before %1, after %2</source>
        <translation>Before %1, after %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Steady closed before this session ended. The ratings you gave are kept.</source>
        <translation>Steady closed before this session ended. The ratings you gave are kept.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended early</source>
        <translation>Ended early</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interrupted</source>
        <translation>Interrupted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Both</source>
        <translation>Both</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Ratings</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exercise</source>
        <translation>Exercise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numb</source>
        <translation>Numb</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your rating before → after</source>
        <translation>Your rating before → after</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed, ended early, or interrupted when Steady closed</source>
        <translation>Completed, ended early, or interrupted when Steady closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether you marked feeling numb or far away</source>
        <translation>Whether you marked feeling numb or far away</translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <location filename="../../app/ui/history/sessions.py" line="+35"/>
        <source>Sessions</source>
        <extracomment>The widest date the table shows, and without the day of the week.</extracomment>
        <translation>Sessions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note and tags of the chosen session</source>
        <translation>Note and tags of the chosen session</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete this session…</source>
        <translation>Delete this session…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected session (Delete)</source>
        <translation>Remove the selected session (Delete)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete this session</source>
        <translation>Delete this session</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete all history…</source>
        <translation>Delete all history…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove every session from this computer</source>
        <translation>Remove every session from this computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete all history</source>
        <translation>Delete all history</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No sessions match these choices. A longer period, or all exercises and tags, may show more.</source>
        <translation>No sessions match these choices. A longer period, or all exercises and tags, may show more.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>newest %1 shown; scroll for more</source>
        <translation>newest %1 shown; scroll for more</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDoor</name>
    <message>
        <location filename="../../app/ui/shell/settings_door.py" line="+175"/>
        <source>Steady could not set itself to start at login: %1. You can try again in Settings.</source>
        <extracomment>Starting at login for this home and data folder; None: not offered.</extracomment>
        <translation>Steady could not set itself to start at login: %1. You can try again in Settings.</translation>
    </message>
</context>
<context>
    <name>SettingsNotice</name>
    <message>
        <location filename="../../app/ui/settings/page.py" line="+317"/>
        <source>Your settings file could not be read, so Steady is using its defaults. The old file was kept as %1 in the data folder.</source>
        <translation>Your settings file could not be read, so Steady is using its defaults. The old file was kept as %1 in the data folder.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your settings file could not be opened (%1), so Steady is using its defaults for now. The file was left as it is.</source>
        <translation>Your settings file could not be opened (%1), so Steady is using its defaults for now. The file was left as it is.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Some settings could not be read and are back to their defaults: %1. Please check them in Settings.</source>
        <translation>Some settings could not be read and are back to their defaults: %1. Please check them in Settings.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file as it was is kept as %1 in the data folder.</source>
        <translation>The file as it was is kept as %1 in the data folder.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not save your settings (%1). They apply until Steady closes.</source>
        <translation>Could not save your settings (%1). They apply until Steady closes.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sound cues</source>
        <translation>sound cues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>volume</source>
        <translation>volume</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spoken cues</source>
        <translation>spoken cues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reduce motion</source>
        <translation>reduce motion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the count before breathing</source>
        <translation>the count before breathing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>colours</source>
        <translation>colours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text size</source>
        <translation>text size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the exercise for Start now</source>
        <translation>the exercise for Start now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>health settings</source>
        <translation>health settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>practice reminders</source>
        <translation>practice reminders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contacts</source>
        <translation>contacts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keep in the tray</source>
        <translation>keep in the tray</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>welcome</source>
        <translation>welcome</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/settings/look.py" line="-33"/>
        <source>Same as the system</source>
        <translation>Same as the system</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High contrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/health.py" line="-60"/>
        <source>A heart condition</source>
        <translation>A heart condition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I take beta-blockers</source>
        <translation>I take beta-blockers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An eating disorder</source>
        <translation>An eating disorder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pregnancy</source>
        <translation>Pregnancy</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hides exercises with breath holds or cold water.</source>
        <translation>Hides exercises with breath holds or cold water.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hides exercises with cold water.</source>
        <translation>Hides exercises with cold water.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hides exercises with breath holds.</source>
        <translation>Hides exercises with breath holds.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/page.py" line="-294"/>
        <location line="+41"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save status</source>
        <translation>Save status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save and use these settings</source>
        <translation>Save and use these settings</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Not saved yet: Save or Back keeps it.</source>
        <translation>Not saved yet: Save or Back keeps it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/health.py" line="-11"/>
        <source>Breathing problems (asthma, COPD)</source>
        <translation>Breathing problems (asthma, COPD)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/page.py" line="-126"/>
        <source>Changes take effect when you save or go back. Everything here stays on this computer.</source>
        <translation>Changes take effect when you save or go back. Everything here stays on this computer.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keep what you changed and go back</source>
        <translation>Keep what you changed and go back</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>Saved on this computer.</source>
        <translation>Saved on this computer.</translation>
    </message>
</context>
<context>
    <name>ShareRow</name>
    <message>
        <location filename="../../app/ui/history/sharing.py" line="+103"/>
        <source>Share with someone helping you</source>
        <translation>Share with someone helping you</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save report…</source>
        <translation>Save report…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PDF of the days shown here: the chart, what works for you, and how often you practised</source>
        <translation>A PDF of the days shown here: the chart, what works for you, and how often you practised</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print… (%1)</source>
        <translation>Print… (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same report, on paper</source>
        <translation>The same report, on paper</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All your sessions as a CSV or JSON file, as steady export writes them</source>
        <translation>All your sessions as a CSV or JSON file, as steady export writes them</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include my notes in the report</source>
        <translation>Include my notes in the report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off unless you tick it: notes can be private</source>
        <translation>Off unless you tick it: notes can be private</translation>
    </message>
</context>
<context>
    <name>SoundSection</name>
    <message>
        <location filename="../../app/ui/settings/sound.py" line="+21"/>
        <source>Sound</source>
        <translation>Sound</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sound cues</source>
        <translation>Sound cues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soft tones for breathing in, holding and breathing out, so you can follow without looking. Off until you turn them on.</source>
        <translation>Soft tones for breathing in, holding and breathing out, so you can follow without looking. Off until you turn them on.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+23"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Sound is not available</source>
        <translation>Sound is not available</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spoken cues</source>
        <translation>Spoken cues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your computer&apos;s voice says &quot;in&quot;, &quot;hold&quot; and &quot;out&quot;, where it has a voice. Off until you turn it on.</source>
        <translation>Your computer&apos;s voice says &quot;in&quot;, &quot;hold&quot; and &quot;out&quot;, where it has a voice. Off until you turn it on.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>How loud the sound cues are, from 0 to 100 percent</source>
        <translation>How loud the sound cues are, from 0 to 100 percent</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Sound is not available: %1</source>
        <translation>Sound is not available: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Spoken cues are not available: %1</source>
        <translation>Spoken cues are not available: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+5"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>StartSection</name>
    <message>
        <location filename="../../app/ui/settings/starting.py" line="+39"/>
        <source>Starting</source>
        <translation>Starting</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exercise for Start now</source>
        <translation>Exercise for Start now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The exercise the Start now button begins</source>
        <translation>The exercise the Start now button begins</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start now begins</source>
        <translation>Start now begins</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep in the tray</source>
        <translation>Keep in the tray</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing the window leaves Steady ready in the tray; Quit in the tray menu ends it.</source>
        <translation>Closing the window leaves Steady ready in the tray; Quit in the tray menu ends it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your desktop has no tray, so closing the window quits Steady.</source>
        <translation>Your desktop has no tray, so closing the window quits Steady.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start Steady when I log in, waiting in the tray</source>
        <translation>Start Steady when I log in, waiting in the tray</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No window opens at login: Steady waits in the tray, so it opens at once when you need it. Turning this off removes the file Steady wrote for it.</source>
        <translation>No window opens at login: Steady waits in the tray, so it opens at once when you need it. Turning this off removes the file Steady wrote for it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your desktop has no tray, so at login Steady starts with its window minimised, ready when you need it. Turning this off removes the file Steady wrote for it.</source>
        <translation>Your desktop has no tray, so at login Steady starts with its window minimised, ready when you need it. Turning this off removes the file Steady wrote for it.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>There is already a file at %1 that Steady did not write. Steady leaves it as it is.</source>
        <translation>There is already a file at %1 that Steady did not write. Steady leaves it as it is.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Steady will not start at login by itself: there is already a file at %1 that Steady did not write, so it was left as it is.</source>
        <translation>Steady will not start at login by itself: there is already a file at %1 that Steady did not write, so it was left as it is.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starting at login could not be changed: %1.</source>
        <translation>Starting at login could not be changed: %1.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No exercises found</source>
        <translation>No exercises found</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/ui/shell/application.py" line="+66"/>
        <source>Sessions this time are kept safe in a recovery file on this computer and added to your log the next time Steady starts and can open it.</source>
        <translation>Sessions this time are kept safe in a recovery file on this computer and added to your log the next time Steady starts and can open it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sessions this time are kept only until Steady closes.</source>
        <translation>Sessions this time are kept only until Steady closes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your sessions so far are safe; new ones may not be saved until then.</source>
        <translation>Your sessions so far are safe; new ones may not be saved until then.</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>This desktop has no tray, so Steady started with its window minimised. It is ready whenever you need it.</source>
        <translation>This desktop has no tray, so Steady started with its window minimised. It is ready whenever you need it.</translation>
    </message>
</context>
<context>
    <name>StatsModel</name>
    <message>
        <location filename="../../app/ui/history/models.py" line="-362"/>
        <source>Night</source>
        <extracomment>Role giving a cell&apos;s value for sorting: a number or text, or None (sorted last). Role giving the row&apos;s underlying object (an ExerciseStats or a SessionRecord).</extracomment>
        <translation>Night</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From midnight to 6 in the morning</source>
        <translation>From midnight to 6 in the morning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Morning</source>
        <translation>Morning</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From 6 in the morning to noon</source>
        <translation>From 6 in the morning to noon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Afternoon</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From noon to 6 in the evening</source>
        <translation>From noon to 6 in the evening</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evening</source>
        <translation>Evening</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From 6 in the evening to midnight</source>
        <translation>From 6 in the evening to midnight</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, %2–%3</source>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From 0 to 3</source>
        <translation>From 0 to 3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sessions that began at 0 to 3</source>
        <translation>Sessions that began at 0 to 3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From 4 to 6</source>
        <translation>From 4 to 6</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sessions that began at 4 to 6</source>
        <translation>Sessions that began at 4 to 6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From 7 or 8</source>
        <translation>From 7 or 8</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sessions that began at 7 or 8</source>
        <translation>Sessions that began at 7 or 8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From 9 or 10</source>
        <translation>From 9 or 10</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sessions that began at 9 or 10</source>
        <translation>Sessions that began at 9 or 10</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numb or far away</source>
        <translation>Numb or far away</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions that began feeling numb or far away, whatever the number</source>
        <translation>Sessions that began feeling numb or far away, whatever the number</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 (eased %2 of %3)</source>
        <translation>%1 (eased %2 of %3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>too few to tell</source>
        <translation>too few to tell</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Of the exercises begun numb or far away, the one after which that feeling had eased most often</source>
        <translation>Of the exercises begun numb or far away, the one after which that feeling had eased most often</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Of the exercises begun at this level</source>
        <translation>Of the exercises begun at this level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Of the exercises done with this tag</source>
        <translation>Of the exercises done with this tag</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1, the largest average drop, over %n session(s) with both ratings</source>
        <translation>
            <numerusform>%1, the largest average drop, over %n session with both ratings</numerusform>
            <numerusform>%1, the largest average drop, over %n sessions with both ratings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The exercise that helped most with this tag, or from this starting level</source>
        <translation>The exercise that helped most with this tag, or from this starting level</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>No session here has both a before and an after rating yet.</source>
        <translation>No session here has both a before and an after rating yet.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Over %n session(s) with both ratings</source>
        <translation>
            <numerusform>Over %n session with both ratings</numerusform>
            <numerusform>Over %n sessions with both ratings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exercise</source>
        <translation>Exercise</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time of day</source>
        <translation>Time of day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starting level</source>
        <translation>Starting level</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop of %1+</source>
        <translation>Drop of %1+</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Helped most</source>
        <translation>Helped most</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many sessions, rated or not</source>
        <translation>How many sessions, rated or not</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The average rating before, over sessions with both ratings</source>
        <translation>The average rating before, over sessions with both ratings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The average rating after, over sessions with both ratings</source>
        <translation>The average rating after, over sessions with both ratings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The average of after minus before; below zero means calmer after</source>
        <translation>The average of after minus before; below zero means calmer after</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often the rating fell by %1 points or more</source>
        <translation>How often the rating fell by %1 points or more</translation>
    </message>
</context>
<context>
    <name>SteadyTray</name>
    <message>
        <location filename="../../app/ui/shell/tray.py" line="+107"/>
        <location line="+59"/>
        <source>Steady</source>
        <extracomment>How many helpful exercises the menu lists at most.
----------
Started in the tray (``steady --tray``): closing the window hides it again.</extracomment>
        <translation>Steady</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Open the window at the first rating of %1</source>
        <translation>Open the window at the first rating of %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start now: %1</source>
        <translation>Start now: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What has helped you</source>
        <translation>What has helped you</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open Steady</source>
        <translation>Open Steady</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring the Steady window forward</source>
        <translation>Bring the Steady window forward</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your past sessions and what works for you</source>
        <translation>Your past sessions and what works for you</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Get help now</source>
        <translation>Get help now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your contacts and helplines</source>
        <translation>Your contacts and helplines</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit Steady</source>
        <translation>Quit Steady</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close Steady completely</source>
        <translation>Close Steady completely</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <location filename="../../app/ui/exercise/step_card.py" line="+31"/>
        <source>This step</source>
        <translation>This step</translation>
    </message>
</context>
<context>
    <name>StepCountdown</name>
    <message>
        <location filename="../../app/ui/exercise/step_countdown.py" line="+35"/>
        <location line="+5"/>
        <source>Time left for this step</source>
        <translation>Time left for this step</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empties as the time passes</source>
        <translation>Empties as the time passes</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+27"/>
        <source>{time} left</source>
        <translation>{time} left</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>That&apos;s the time. Move on when you&apos;re ready.</source>
        <translation>That&apos;s the time. Move on when you&apos;re ready.</translation>
    </message>
</context>
<context>
    <name>StepRow</name>
    <message>
        <location filename="../../app/ui/editor/parts.py" line="+17"/>
        <source>What to do, for example: Name five things you can see.</source>
        <translation>What to do, for example: Name five things you can see.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No count</source>
        <translation>No count</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No timer</source>
        <translation>No timer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Items to tick</source>
        <translation>Items to tick</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timer</source>
        <translation>Timer</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Alt+Up and Alt+Down move this step, Alt+Delete removes it, Ctrl+Enter adds one after it.</source>
        <translation>Alt+Up and Alt+Down move this step, Alt+Delete removes it, Ctrl+Enter adds one after it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step %1: text</source>
        <translation>Step %1: text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step %1: items to tick</source>
        <translation>Step %1: items to tick</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: how many things to notice, one key each</source>
        <translation>Optional: how many things to notice, one key each</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step %1: timer in seconds</source>
        <translation>Step %1: timer in seconds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: a gentle timer; without it the person moves on when ready</source>
        <translation>Optional: a gentle timer; without it the person moves on when ready</translation>
    </message>
</context>
<context>
    <name>StepsForm</name>
    <message>
        <location filename="../../app/ui/editor/steps_form.py" line="+35"/>
        <location line="+3"/>
        <source>Add a step</source>
        <translation>Add a step</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Add a step at the end (Ctrl+Enter in a step adds one after it)</source>
        <translation>Add a step at the end (Ctrl+Enter in a step adds one after it)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In a step: Alt+Up and Alt+Down move it, Alt+Delete removes it, Ctrl+Enter adds one after it. Steps without a timer wait for the person.</source>
        <translation>In a step: Alt+Up and Alt+Down move it, Alt+Delete removes it, Ctrl+Enter adds one after it. Steps without a timer wait for the person.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About how long, in minutes</source>
        <translation>About how long, in minutes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: shown before starting; the steps take as long as they take</source>
        <translation>Optional: shown before starting; the steps take as long as they take</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About how long</source>
        <translation>About how long</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional, shown before starting.</source>
        <translation>Optional, shown before starting.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Steps, in order</source>
        <translation>Steps, in order</translation>
    </message>
</context>
<context>
    <name>StepsPage</name>
    <message>
        <location filename="../../app/ui/exercise/steps.py" line="+90"/>
        <source>Exercise: {title}</source>
        <translation>Exercise: {title}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The exercise you are doing</source>
        <translation>The exercise you are doing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where you are in the exercise</source>
        <translation>Where you are in the exercise</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go back to the previous step</source>
        <translation>Go back to the previous step</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick</source>
        <translation>Tick</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick one item. Enter or Space also ticks.</source>
        <translation>Tick one item. Enter or Space also ticks.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+251"/>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="-249"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop the exercise now. Esc also stops, without asking.</source>
        <translation>Stop the exercise now. Esc also stops, without asking.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop now (Esc)</source>
        <translation>Stop now (Esc)</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Keys you can use</source>
        <translation>Keys you can use</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>All {total} ticked. Enter moves on.</source>
        <translation>All {total} ticked. Enter moves on.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+11"/>
        <source>{done} of {total}</source>
        <translation>{done} of {total}</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Step {n} of {total}</source>
        <translation>Step {n} of {total}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End the exercise</source>
        <translation>End the exercise</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go on to the next step</source>
        <translation>Go on to the next step</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter or Space ticks one · Esc stops</source>
        <translation>Enter or Space ticks one · Esc stops</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Enter moves on · Esc stops</source>
        <translation>Enter moves on · Esc stops</translation>
    </message>
</context>
<context>
    <name>SuggestionLine</name>
    <message>
        <location filename="../../app/ui/distress/suggestion.py" line="+31"/>
        <source>Try it instead (T)</source>
        <extracomment>The key that switches to the suggestion (shown on its button).</extracomment>
        <translation>Try it instead (T)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Try %1 instead (T)</source>
        <translation>Try %1 instead (T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try %1 instead</source>
        <translation>Try %1 instead</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Switch to %1, keeping the rating you gave. Enter still starts the exercise you chose.</source>
        <translation>Switch to %1, keeping the rating you gave. Enter still starts the exercise you chose.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>When you started out numb or far away, that feeling had eased after %1 %2 times out of %n.</source>
        <translation>
            <numerusform>When you started out numb or far away, that feeling had eased after %1 %2 times out of %n.</numerusform>
            <numerusform>When you started out numb or far away, that feeling had eased after %1 %2 times out of %n.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>From 0 to 3</source>
        <translation>From 0 to 3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From 4 to 6</source>
        <translation>From 4 to 6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From 7 or 8</source>
        <translation>From 7 or 8</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From 9 or 10</source>
        <translation>From 9 or 10</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1, %2 has lowered your rating by %3 points on average, over %n session(s).</source>
        <translation>
            <numerusform>%1, %2 has lowered your rating by %3 points on average, over %n session.</numerusform>
            <numerusform>%1, %2 has lowered your rating by %3 points on average, over %n sessions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../app/ui/distress/summary.py" line="+37"/>
        <location line="+165"/>
        <source>Thank you for taking this time.</source>
        <translation>Thank you for taking this time.</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>How it went</source>
        <translation>How it went</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save to a file…</source>
        <translation>Save to a file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the sessions that could not be saved in a file you choose</source>
        <translation>Keep the sessions that could not be saved in a file you choose</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If things still feel like a lot, it&apos;s okay to reach out to someone now.</source>
        <translation>If things still feel like a lot, it&apos;s okay to reach out to someone now.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Get help now</source>
        <translation>Get help now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See your contacts and helplines</source>
        <translation>See your contacts and helplines</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open my plan</source>
        <translation>Open my plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your coping plan: what you wrote for times like this</source>
        <translation>Your coping plan: what you wrote for times like this</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+61"/>
        <source>Back to the start (Enter)</source>
        <translation>Back to the start (Enter)</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Back to the list of exercises</source>
        <translation>Back to the list of exercises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do it again</source>
        <translation>Do it again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the same exercise again</source>
        <translation>Start the same exercise again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try a different exercise</source>
        <translation>Try a different exercise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the exercises, to choose another</source>
        <translation>Back to the exercises, to choose another</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Back to the start</source>
        <translation>Back to the start</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Your rating went down by %n point(s), from %1 to %2.</source>
        <translation>
            <numerusform>Your rating went down by %n point, from %1 to %2.</numerusform>
            <numerusform>Your rating went down by %n points, from %1 to %2.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That&apos;s a noticeable change.</source>
        <translation>That&apos;s a noticeable change.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your rating stayed at %1. Nothing got worse, and you gave yourself this time.</source>
        <translation>Your rating stayed at %1. Nothing got worse, and you gave yourself this time.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Your rating went up by %n point(s), from %1 to %2.</source>
        <translation>
            <numerusform>Your rating went up by %n point, from %1 to %2.</numerusform>
            <numerusform>Your rating went up by %n points, from %1 to %2.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That happens, and it&apos;s useful to know. Another exercise, or simply resting, may suit this moment better.</source>
        <translation>That happens, and it&apos;s useful to know. Another exercise, or simply resting, may suit this moment better.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking in with yourself counts, whatever the numbers.</source>
        <translation>Checking in with yourself counts, whatever the numbers.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You took %1 for yourself.</source>
        <translation>You took %1 for yourself.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>You stopped when you needed to. That is part of looking after yourself.</source>
        <translation>You stopped when you needed to. That is part of looking after yourself.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You stopped after %1. Stopping when you need to is part of looking after yourself.</source>
        <translation>You stopped after %1. Stopping when you need to is part of looking after yourself.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The exercise was %1.</source>
        <translation>The exercise was %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2.</source>
        <translation>%1 of %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Feeling numb or far away is worth noticing too.</source>
        <translation>Feeling numb or far away is worth noticing too.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No rating was kept for how you felt afterwards.</source>
        <translation>No rating was kept for how you felt afterwards.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>That was a hard one, and you gave it a try.</source>
        <translation>That was a hard one, and you gave it a try.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That was a hard one, and you stayed with it.</source>
        <translation>That was a hard one, and you stayed with it.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What set this off is one of the warning signs in your plan (“%1”). Your plan is here if you want it.</source>
        <translation>What set this off is one of the warning signs in your plan (“%1”). Your plan is here if you want it.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>You&apos;ve practised while calm %n time(s) this week. That is how these skills grow.</source>
        <translation>
            <numerusform>You&apos;ve practised while calm %n time this week. That is how these skills grow.</numerusform>
            <numerusform>You&apos;ve practised while calm %n times this week. That is how these skills grow.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved on this computer only.</source>
        <translation>Saved on this computer only.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept safe on this computer. It will be added to your log the next time Steady can open it.</source>
        <translation>Kept safe on this computer. It will be added to your log the next time Steady can open it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept while Steady is open: nothing on this computer could take it. See the message above.</source>
        <translation>Kept while Steady is open: nothing on this computer could take it. See the message above.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This session could not be saved yet. It is kept while Steady is open; see the message above.</source>
        <translation>This session could not be saved yet. It is kept while Steady is open; see the message above.</translation>
    </message>
</context>
<context>
    <name>TickList</name>
    <message>
        <location filename="../../app/ui/exercise/tick_list.py" line="+65"/>
        <source>Items ticked so far</source>
        <translation>Items ticked so far</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Undo a tick</source>
        <translation>Undo a tick</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take back the last tick. Backspace does the same.</source>
        <translation>Take back the last tick. Backspace does the same.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take back the last tick (Backspace)</source>
        <translation>Take back the last tick (Backspace)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{done} of {total}</source>
        <translation>{done} of {total}</translation>
    </message>
</context>
<context>
    <name>WaitingButton</name>
    <message>
        <location filename="../../app/ui/shell/waiting.py" line="+51"/>
        <source>A waiting exercise</source>
        <extracomment>The key that goes to a waiting exercise.</extracomment>
        <translation>A waiting exercise</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” is waiting: go to it (%2)</source>
        <translation>“%1” is waiting: go to it (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is waiting (%2)</source>
        <translation>“%1” is waiting (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: go to it (%1)</source>
        <translation>Waiting: go to it (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting (%1)</source>
        <translation>Waiting (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is waiting for you.</source>
        <translation>“%1” is waiting for you.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish here first if you like; nothing you typed is lost.</source>
        <translation>Finish here first if you like; nothing you typed is lost.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to it</source>
        <translation>Go to it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys: %1</source>
        <translation>Keys: %1</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../app/ui/distress/welcome.py" line="+30"/>
        <location line="+1"/>
        <source>Welcome to Steady</source>
        <translation>Welcome to Steady</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steady helps you through hard moments with short breathing, grounding, sensory and body exercises. You rate how stirred up you feel before and after, and over time you can see what helps you.</source>
        <translation>Steady helps you through hard moments with short breathing, grounding, sensory and body exercises. You rate how stirred up you feel before and after, and over time you can see what helps you.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Steady is not a diagnosis and not a replacement for care. Nobody watches what you enter, so it cannot send help in an emergency.</source>
        <translation>Steady is not a diagnosis and not a replacement for care. Nobody watches what you enter, so it cannot send help in an emergency.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What you enter stays on this computer. There is no account, and Steady sends nothing anywhere.</source>
        <translation>What you enter stays on this computer. There is no account, and Steady sends nothing anywhere.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If you have a heart or breathing condition, take beta-blockers, are pregnant or live with an eating disorder, Settings can hide exercises with breath holds or cold water.</source>
        <translation>If you have a heart or breathing condition, take beta-blockers, are pregnant or live with an eating disorder, Settings can hide exercises with breath holds or cold water.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It can help to have someone to reach when things get hard. Would you like to add a friend, a clinician or a crisis line now? They will be one click away under Get help now (F1).</source>
        <translation>It can help to have someone to reach when things get hard. Would you like to add a friend, a clinician or a crisis line now? They will be one click away under Get help now (F1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add contacts</source>
        <translation>Add contacts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Settings at your contacts</source>
        <translation>Open Settings at your contacts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the exercises (Enter)</source>
        <translation>Go to the exercises (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip this; you can add contacts any time in Settings</source>
        <translation>Skip this; you can add contacts any time in Settings</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start Steady when I log in, waiting in the tray</source>
        <translation>Start Steady when I log in, waiting in the tray</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steady is then there the moment you need it, with no window until you open it. You can change this any time in Settings.</source>
        <translation>Steady is then there the moment you need it, with no window until you open it. You can change this any time in Settings.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You can add contacts any time in Settings. This welcome will not appear again.</source>
        <translation>You can add contacts any time in Settings. This welcome will not appear again.</translation>
    </message>
</context>
<context>
    <name>WhatWorksTab</name>
    <message>
        <location filename="../../app/ui/history/what_works.py" line="+33"/>
        <source>Averages over the sessions rated before and after. “Drop of %1+”: how often your rating fell by %1 points or more.</source>
        <extracomment>The ways to group, in the order offered.</extracomment>
        <translation>Averages over the sessions rated before and after. “Drop of %1+”: how often your rating fell by %1 points or more.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Group by</source>
        <translation>Group by</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compare exercises, times of day, tags or starting levels</source>
        <translation>Compare exercises, times of day, tags or starting levels</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By exercise</source>
        <translation>By exercise</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By time of day</source>
        <translation>By time of day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By tag</source>
        <translation>By tag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By starting level</source>
        <translation>By starting level</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What works for me</source>
        <translation>What works for me</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Group</source>
        <translation>Group</translation>
    </message>
</context>
<context>
    <name>_RatingPage</name>
    <message>
        <location filename="../../app/ui/distress/rating.py" line="+48"/>
        <source>I feel numb or far away</source>
        <translation>I feel numb or far away</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numb or far away</source>
        <translation>Numb or far away</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark this if you feel shut down, numb or far away, whatever the number.</source>
        <translation>Mark this if you feel shut down, numb or far away, whatever the number.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+33"/>
        <source>Skip rating (S)</source>
        <translation>Skip rating (S)</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+37"/>
        <source>Go on without a rating</source>
        <translation>Go on without a rating</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+2"/>
        <source>Clear rating</source>
        <translation>Clear rating</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip rating</source>
        <translation>Skip rating</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the chosen number, and stay here</source>
        <translation>Clear the chosen number, and stay here</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Choose a number, or press S to skip.</source>
        <translation>Choose a number, or press S to skip.</translation>
    </message>
</context>
</TS>
