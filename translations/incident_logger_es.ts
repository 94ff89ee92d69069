<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>App</name>
    <message>
        <source>Incident Logger cannot start</source>
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
</context>
</TS>
