<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Incident Logger {escape}&lt;/h3&gt;&lt;p&gt;Record facilities, security incidents and their legal lifecycle, security plan items, and export them.&lt;/p&gt;&lt;table&gt;{rows}&lt;/table&gt;&lt;p&gt;Qt {escape2}, PySide6 {escape3}, Python {escape4}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Incident Logger</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Incident Logger cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentPreview</name>
    <message>
        <source>Select an attachment to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} cannot be shown here: {errorString}. Open shows it in its program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} cannot be shown here ({reason}). Open shows it in its program.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>{what}: the {replace} no longer exists; it may have been deleted elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: the attachment was changed elsewhere since it was shown; nothing was saved. Look at it again and repeat the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and {value} more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the record first to attach files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files (you may also drop them on the form, or paste with Ctrl+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op&amp;en</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a verified copy in its program (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a verified copy of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Descri&amp;be…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description and sensitive mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The custody log: who handed it to whom, when and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the attachment (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 {sha256}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No files are kept with this record yet: Add…, drop them here or paste them (Ctrl+V).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview for {media_type}; Open shows it in its program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file_name} is {size_text}: too large to preview here; Open shows it in its program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no picture and no files to attach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program here opens {media_type} files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as… keeps a copy you can open elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened a verified copy of {file_name} (read-only; removed on quitting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, protected by a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved a verified copy of {file_name} as {written}{protected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the details of {file_name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the attachment “{file_name}” ({size_text})?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed {file_name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy of the attachment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackgroundBackups</name>
    <message>
        <source>The automatic backup failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in {backup_dir}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic backups{where}: taken in the background a minute after the last change (at most every 15 minutes), and at the next start when closing came first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups{where}. This window opened a database another window has open; that window takes its automatic backups.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>This backup cannot be used: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: intact (SQLite integrity check passed). It holds {facilities} facilities, {incidents} incidents and {plan_items} plan items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a verified copy of the database to a file of your choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the data by a backup; the current data is saved as a backup first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups are made of SQLite database files. This database is on a server: back it up with the server&apos;s own tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was not written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was written to {path} and checked.

{summary_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was restored: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The data you had was saved as {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup of {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup of {when}.{saved}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckBanner</name>
    <message>
        <source>Restore from backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Choice</name>
    <message>
        <source>ICE ERO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICE HSI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USCIS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CBP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detention center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benefits office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>II</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>III</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Armed assault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bombing/explosion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility/infrastructure attack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unarmed assault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hostage taking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assassination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach of security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vandalism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protest – peaceful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protest – unlawful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perimeter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detainees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitors/public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilities/equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catastrophic (≥ $1 billion)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major (≥ $1 million)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor (&lt; $1 million)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Killed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wounded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early morning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Morning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Government</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An agency&apos;s facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A facility type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firearms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explosives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incendiary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Melee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrest made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred for prosecution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjudicated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfounded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implemented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damage, extent unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No damage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown whether damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave them out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round trip (for scripts and other databases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For spreadsheets (readable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before a schema upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before encrypt, decrypt or rekey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custody entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeline event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan item</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClipboardGuard</name>
    <message>
        <source>Clear copied sensitive fields after 30 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared the copied sensitive text from the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied; the clipboard is cleared in {round} s (sensitive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected cells as tab-separated text (Ctrl+C in a table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a record in a table to copy first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FSL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassessment due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When anything about the incident was last recorded: the incident saved, a timeline event, a legal history entry, an attachment or its custody, a plan item answering it (your computer&apos;s time; not sortable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attack types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weapons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casualties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <source>Keep the database&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the file&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep which version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep all the database&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take all the file&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep which version of line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{many} record{value} in the file differ{value2} from the database without being newer (edited in the file, or changed in the database since the export). Select one to see its fields; choose which version to keep, then Import.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateRecord</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvActions</name>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write incidents, facilities, plan items or directives to a CSV, ZIP or Excel (XLSX) file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read incidents, facilities, plan items or directives from a CSV file (all or nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing {plural} to {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rows} {plural} exported to {written}, protected by a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, their legal history to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rows} {plural} exported to {path}{also}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{summary} Choose which version to keep for each conflict below, then Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustodyDialog</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries are added, never changed or removed; each one is kept in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custody of {file_name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file_name} ({size_text}, SHA-256 {value}…). {APPEND_ONLY}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who handed it over, e.g. Officer J. Ruiz, Tacoma PD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the hand-over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. analysis, court exhibit, storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Append a hand-over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received &amp;from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received &amp;by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hand-over is recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date cannot be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>By facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group incidents:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan items overdue or due this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security reassessments due (ISC: 3 years at FSL III–V, 5 at FSL I–II)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directives: plan items implemented, overdue in red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the figures from {display_name}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing {describe_filter}; deadlines as of {isoformat}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseChecks</name>
    <message>
        <source>&amp;Check database now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the full integrity check of the database file in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a database file can be checked here; a server checks its own storage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is being checked already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking {name} in the background (full integrity check)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateLabel</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date}, {band}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayInput</name>
    <message>
        <source>this field needs one day, e.g. 2019-07-13</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlineTable</name>
    <message>
        <source> ({days} d late)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlineTables</name>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan item is overdue or due this week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No security reassessment is due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No directive is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteRecord</name>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redoing the delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>Details of {file_name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sensitive: left out of redacted exports, briefings and evidence packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectiveFilterBar</name>
    <message>
        <source>Search title, issuing office, source, notes… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachin&amp;g:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directives past their deadline whose plan items are not all implemented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectiveForm</name>
    <message>
        <source>what is ordered, e.g. FPS: plan to secure all ICE facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who ordered it, e.g. DHS Deputy Secretary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+{days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deadline {days} days after the day issued (or today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document it comes from, e.g. DHS memo of 12 September 2019</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing &amp;office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility t&amp;ypes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be chosen from the list (no facility is named “{typed}”)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectiveTable</name>
    <message>
        <source> ({days} d late)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectiveTableModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{implemented} of {total} plan items implemented or with the risk accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the deadline {day} has passed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Directives</name>
    <message>
        <source>(no facility chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: {source_reference}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyStates</name>
    <message>
        <source>New facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New plan item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New directive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load demo records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No incidents are recorded yet. An incident happens at a facility: add the facility first, import records from a CSV file, or look around with the demo records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No facilities are recorded yet. Add one, import them from a CSV file, or load the demo records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan items are recorded yet. Add one, or import them from a CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No directives are recorded yet. A directive orders facilities secured by a deadline (“FPS: plan to secure all ICE facilities within two weeks”); its plan items carry it out. Add one, import them from a CSV file, or load the demo records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo records are already here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EncryptionBadge</name>
    <message>
        <source>This database is encrypted (SQLCipher, AES-256): the file, its journal and its backups cannot be read without its passphrase. A forgotten passphrase cannot be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database encrypted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryDraft</name>
    <message>
        <source>needs a date (a year, a month or a range will do)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date {value}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialogs</name>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility Security Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damage estimate (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk rationale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record was not saved because some fields need attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was changed elsewhere since you opened it; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open it again to see the current values, then apply your change once more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record no longer exists; it may have been deleted elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is still in use and was not deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is already open in another Incident Logger window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was written by a newer version of Incident Logger; it was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is a database of another program; it was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be read or written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database reported a problem; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file could not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident Logger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> while {lower}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

Details were written to the log{log_hint}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{details}

Details were written to the log{log_hint}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceActions</name>
    <message>
        <source>Export evidence package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZIP files (*.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;evidence package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the selected incident&apos;s attached files, verified against their SHA-256, with manifests and a custody report, as one ZIP file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an incident on the Incidents tab first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the {sensitive} attachment{value} marked sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this evidence package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evidence package was not written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence package written to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evidence package was written to {path}: {count} file{value} ({size_text}), each checked against its SHA-256, with the manifests and the custody report; {withheld_text}{value2}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the rows the &amp;view shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with a byte order mark (for Excel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files for spreadsheets always start with one: Excel needs it to read UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Made for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive fields:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The view shows: {shown}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The view shows every row (no filter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  – sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names for people as headers, labels, dates a spreadsheet reads as dates; the legal history in its own file. Imports back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column keys, codes and labels, dates in EDTF, the legal history in one cell: the layout scripts and other databases read. Imports back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a ZIP file with a README</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes {names} ({kind}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportPassphraseDialog</name>
    <message>
        <source>Protect the export with a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} will be a ZIP file whose content is encrypted (AES-256). Whoever opens it needs this passphrase (7-Zip and WinZip ask for it). Keep the passphrase apart from the file: whoever has both reads it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write protected ZIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase, then type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase again below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Facilities</name>
    <message>
        <source>never assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not assessed: no Facility Security Level recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessed, but the Facility Security Level is not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility Security Level {choice_label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISC cycle: reassess every 3 years at FSL III–V, every 5 years at FSL I–II</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FacilityChoice</name>
    <message>
        <source>New facility…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New facility “{value}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a facility named “{name}” and choose it for this record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FacilityFilterBar</name>
    <message>
        <source>Search name, city, address, notes… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassessment d&amp;ue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilities whose ISC security reassessment is due today or earlier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FacilityForm</name>
    <message>
        <source>Not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown (assessed, level not known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the contractor or office that runs it, e.g. GEO Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12345 or 12345-6789</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operated b&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator (&amp;who runs it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add&amp;ress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ZIP code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security (ISC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security le&amp;vel (FSL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last assess&amp;ment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassessment due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not&amp;es</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Incidents at this facility ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan items ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a security level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last assessment date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— (the level is not known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— (needs {needs})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{isoformat} (every {reassessment_years} years at FSL {label})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another facility is already named “{other}”. Saving is still possible; check that this is not the same facility.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No directive reaches this facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Directives that reach this facility ({len})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FacilityPicker</name>
    <message>
        <source>type part of the facility&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Features</name>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every recorded change of the selected record (audit trail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a record first to see its history.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Incidents that occurred, or may have occurred, {bound}: a month, a year, a range or an approximate date reaching into the period counts, and is marked “possibly” in the Occurred column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all records again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not searched: {problem}. The table still shows the last search; the search box&apos;s tooltip shows how to write one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases with an arrest or a known perpetrator and no referral for prosecution yet (the memo&apos;s directive: violent offenders referred to DOJ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n facilities</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>state {states}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attack type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weapon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>further conditions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide — Incident Logger</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Headline</name>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Killed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property damage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan items overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassessments due</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadlineStrip</name>
    <message>
        <source>{value} more due within 90 days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of {kind} {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{len} audit entr{value}, {changes} field change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; created by the import of {source} on {local_time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; created {local_time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audit entries for {kind} {uuid}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Audit entry #{id}, {at:%Y-%m-%d %H:%M:%S} UTC, hash {value}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create facilities that the file names but the database lacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview checks every row and lists each problem with its line and column; nothing is written until you import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Holds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns (matched by name; choose how each is read):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the file: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be imported: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The legal history is read from {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{get}, {get2}-separated; {matched} of {len} columns matched.{history}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentFilterBar</name>
    <message>
        <source>Search title, description, case number, sources… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All attack types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurred from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on or after this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurred to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on or before this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurred fro&amp;m:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pe&amp;nding referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fa&amp;cility:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attack type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severit&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also filtered by: {describe_extra} &amp;nbsp; &lt;a href=&apos;clear&apos;&gt;remove&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <source>Victims &amp;killed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Victims &amp;injured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perpetrators ki&amp;lled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perpetrators in&amp;jured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;uspects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;rrests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known (leave it empty when it is not known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed from CSV exports and reports shared outside the office unless you choose to include them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second attack type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third attack type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date unknown (leave it empty when it is not known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempted (failed or foiled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. FBI; local police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Occurred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disco&amp;vered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attack types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tar&amp;gets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outco&amp;me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severit&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weapons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weapon type and subtype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casualties, arrests, response and damage (empty = unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hostages/kidnapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perpetrators&apos; fate (respo&amp;nse)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property &amp;damage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Estimate (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damage e&amp;xtent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal history and investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal &amp;history (shown by date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investigating agen&amp;cies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description and sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Descr&amp;iption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sour&amp;ces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive — redacted on sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspect na&amp;mes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal de&amp;tails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; New facility… adds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{pending}” is typed but not added: press Add (or Enter) or clear it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <source>Last activity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Incidents</name>
    <message>
        <source>Victims: {known} killed, {known2} injured
Perpetrators: {known3} killed, {known4} injured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{labels} (attempted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{outcome}; hostages/kidnapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perpetrators: {lower}
Hostages or kidnapping: {lower2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used from the next start of Incident Logger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LegalHistoryEditor</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: edit the entry below; Insert: add an entry; Delete: delete the entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add e&amp;ntry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an entry to the legal history (Insert in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected entry (Delete in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2019-08-31, 8/31/2019, September 2019, 2019-08-20/2019-08-31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. DOJ, U.S. Attorney&apos;s Office, a state prosecutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the court case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry dat&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry stat&amp;us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenc&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Char&amp;ges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry n&amp;ote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry {number} ({lower}): {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The legal history keeps at least one entry: correct this one instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}, {when}. It leaves the incident when you save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete entry?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this legal history entry?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the latest entry by date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no entry has a date yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current status: &lt;b&gt;{label}&lt;/b&gt; ({where})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faci&amp;lities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directive&amp;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other recent databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a record to edit first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a record to delete first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted. Edit › Undo (Ctrl+Z) brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the facilities: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a facility on the Facilities tab first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an incident on the Incidents tab first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan items for “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a directive on the Directives tab first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan items of “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} (Clear filters shows all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{overdue} overdue, {due_this_week} due this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open plan items past their due date, and due within the next 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {shown} (encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {shown}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — Incident Logger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewDatabase</name>
    <message>
        <source>New database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created {name} (encrypted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created {name} (encrypted, its passphrase in the keyring).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created {name} (encrypted). The keyring did not keep its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewDatabaseDialog</name>
    <message>
        <source>New database — Incident Logger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the database “{name}” in {parent}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Encrypt with a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file, its journal and its backups are encrypted (SQLCipher, AES-256); the passphrase is asked whenever the database is opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;firm:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoDatabaseError</name>
    <message>
        <source>No database is open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenProblems</name>
    <message>
        <source>Incident Logger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident Logger databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database from a newer version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an Incident Logger database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot upgrade the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message}

If the file was moved or its disk is not connected, open it where it is now. Create a new, empty database at this path only if you mean to start one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create a new database here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current database stays open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident Logger is already open on {database} ({who}).

Use that window. Opening the database a second time is safe for saving, but backups on closing and restoring a backup are then left to the first window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest good backup is from {local_time}. {summary_text}

Restore it? The damaged file is kept beside it as {kept_as}, for recovery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in {backup_dir}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quit and get help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancel and keep the database that is open now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No good backup was found{where}. You can keep the damaged file as {kept_as} and start with an empty database, or {other}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the backup to restore. The damaged file is kept beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open {display_url}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <source>Sort by {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} (not sortable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the {records}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Encrypted database — Incident Logger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database “{name}” is encrypted. Enter its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That passphrase does not open “{name}”. Check Caps Lock and the keyboard layout, then type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the characters of the {lower} as you type them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show {lower}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (none is available here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember the passphrase in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingReferralTile</name>
    <message>
        <source>{PENDING_REFERRAL_MEANS}
Click or press Enter to list them on the Incidents tab.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlainExportQuestion</name>
    <message>
        <source>Export in plain?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect with a passphrase writes {name}, a ZIP file whose content is encrypted (AES-256). Write a plain file writes it as it is.

This is asked once while this database is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Protect with a passphrase (ZIP)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a p&amp;lain file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanItemFilterBar</name>
    <message>
        <source>Search description, owner, notes… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fa&amp;cility:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open items whose due date has passed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanItemForm</name>
    <message>
        <source>All facilities (nationwide)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who is responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required when the risk is accepted: why no countermeasure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked &amp;incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ue date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directi&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Risk rationale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanItemTableModel</name>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue by {duration}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due in {duration}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanItems</name>
    <message>
        <source>All facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{description}

Notes: {notes}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressRunner</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReassessmentTable</name>
    <message>
        <source>now (never assessed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>Adding a {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached {names} to the {label}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordCommand</name>
    <message>
        <source>{verb} {kind} “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not {verb} “{text}”; it was removed from the undo history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} “{name}” was deleted elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} “{name}” was changed elsewhere since; {action} would overwrite those changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redoing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Save (Ctrl+S or Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This form has changes that are not saved. They will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordKind</name>
    <message>
        <source>incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>directive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>directives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directives</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>type to find an incident: title, case number or facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find an incident to link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of the title, case number or facility name; Down and Enter choose the incident, Esc closes the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink the selected incidents (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{typed}” is typed but no incident was chosen: choose one from the list (Down, Enter) or clear it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching for incidents is not available here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not search the incidents: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other incident matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No incident matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try a word of the title, a case number or a facility name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records match the filters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralTile</name>
    <message>
        <source>Pending referral</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelatedField</name>
    <message>
        <source>Links to other incidents (the same attacker, a series)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Related incidents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelatedIncidentsField</name>
    <message>
        <source>related incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents linking to this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked from: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Export &amp;briefing (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a PDF briefing: summary figures, charts, incidents and plan items for a period and facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, protected by a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Briefing written to {written} ({pages} pages{protected})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export briefing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResponseFields</name>
    <message>
        <source>GTD extent of property damage; only when there was property damage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the backup to restore. The data you have now is first saved as a backup (“before a restore”), so nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Other file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no backups yet. Use “Other file…” to choose a backup file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value:,.0f} KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SensitiveQuestion</name>
    <message>
        <source>Include sensitive files?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include sensitive fields?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the incidents&apos; {sensitive_fields_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include {value} in {document}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Include them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceAttachments</name>
    <message>
        <source>Reading the attachments of the {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot attach {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot attach {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the details of {file_name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove the attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save {file_name} as {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open {file_name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the custody log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The custody entry was not added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source> (in a table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts — Incident Logger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StateCombo</name>
    <message>
        <source>type the code or the name, e.g. TX or Texas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineEventDialog</name>
    <message>
        <source>e.g. 2019-08-31, 2019-08 (only the month), late August 2019, 2019-08-20 to 2019-08-31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit timeline event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add timeline event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened: a call, a visit, a hearing… (Ctrl+Enter saves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. phone call with the FBI field office; court docket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems of the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the event (Enter, Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date cannot be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the timeline event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Save the incident first: its timeline starts once it is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sensitive attachments&apos; names and descriptions and their custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show timeline lines of kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline of the incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: edit the event; Insert: add an event; Delete: delete the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a dated event: a call, a visit, a hearing (Insert in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected event (Enter in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected event (Delete in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the whole timeline to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include {SENSITIVE_ITEMS} in the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out unless ticked; ticking asks first, and the audit trail records it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline export result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline &amp;by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the timeline event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the timeline event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: {value}
It is deleted at once (the audit trail keeps a record of it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete event?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this timeline event?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export timeline as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with sensitive items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sensitive items withheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, protected by a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lines:,} line{value} written to {written} ({which}{protected}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline (events, legal status, attachments, custody, plan items)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TypeChoices</name>
    <message>
        <source>Choose a second {replace} first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpdateRecord</name>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeaponListEditor</name>
    <message>
        <source>subtype, e.g. rifle, handgun, Molotov cocktail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this weapon to the list (Enter in the subtype field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected weapons (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowAction</name>
    <message>
        <source>&amp;New database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an empty database file and open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a record to the current tab (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected record (Enter or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected record (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the current tab (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all records of the current tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the incidents tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the facilities tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the plan items tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the directives tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the records again from the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default widths and order for the columns of this tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;facility…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;plan item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;directive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents at this &amp;facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the incidents at the selected facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan items for this i&amp;ncident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the plan items linked to the selected incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan items of this di&amp;rective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the plan items that carry out the selected directive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the user guide at the section for this tab (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List every keyboard shortcut of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Incident Logger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <source>Delete {noun}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the {noun} “{display_name}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can bring it back with Edit › Undo (Ctrl+Z).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every incident happens at a facility. Add the facility first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New facility…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {noun} “{display_name}” cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowTexts</name>
    <message>
        <source>&amp;New incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New facility…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New plan item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New directive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an incident (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a facility (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a plan item (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a directive (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln incident(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln facility(ies)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln plan item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln directive(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no incidents yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no facilities yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no plan items yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no directives yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit incident[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit facility[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit plan item[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit directive[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New incident[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New facility[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New plan item[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New directive[*]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_TypedDate</name>
    <message>
        <source>Type the date, e.g. {example}; Alt+Down opens a calendar.
The line under the field shows how it is read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a day from a calendar (Alt+Down in the field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: pick a day from a calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set this date to today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: calendar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
